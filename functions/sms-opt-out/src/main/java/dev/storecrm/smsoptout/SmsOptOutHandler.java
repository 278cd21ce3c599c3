package dev.storecrm.smsoptout;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.priming.Priming;
import dev.storecrm.platform.stream.SqsFunction;
import java.time.Clock;
import java.util.Map;

/** SmsOptOutFunction: consumes inbound SMS and opt-out events (SmsOptOutQueue). Reports partial batch failures. */
public final class SmsOptOutHandler implements SqsFunction {

    private final SqsBatchProcessor batch;
    private final SmsOptOutService service;

    public SmsOptOutHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** For the local cloud: the environment template.yaml gives the function, and a (simulated) clock. */
    public SmsOptOutHandler(Map<String, String> environment, Clock clock) {
        this(new SmsOptOutWiring(environment, clock));
    }

    SmsOptOutHandler(SmsOptOutWiring wiring) {
        this.batch = wiring.batch();
        this.service = wiring.service();
        Priming.register(this, Priming.EMPTY_BATCH);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return batch.handle(event, context, body -> service.handle(body).name());
    }
}
