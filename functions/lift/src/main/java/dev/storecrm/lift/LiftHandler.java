package dev.storecrm.lift;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.priming.Priming;
import dev.storecrm.platform.stream.SqsFunction;
import java.time.Clock;
import java.util.Map;

/**
 * LiftFunction: consumes the LiftQueue (orders paid and refunded, and orders placed with coupon codes, from the
 * store bus) and counts them in the lift report. Reports partial batch failures; invalid input is kept in the
 * RejectsTable.
 */
public final class LiftHandler implements SqsFunction {

    private final SqsBatchProcessor batch;
    private final LiftService service;

    /** The Lambda runtime's constructor: configuration from the environment, the system clock. */
    public LiftHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** For the local cloud: the environment template.yaml gives the function, and a (simulated) clock. */
    public LiftHandler(Map<String, String> environment, Clock clock) {
        this(new LiftWiring(environment, clock));
    }

    LiftHandler(LiftWiring wiring) {
        this.batch = wiring.batch();
        this.service = wiring.service();
        Priming.register(this, Priming.EMPTY_BATCH);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return batch.handle(event, context, body -> service.handle(body).name());
    }
}
