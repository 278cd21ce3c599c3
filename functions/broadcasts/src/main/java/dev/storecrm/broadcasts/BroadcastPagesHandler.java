package dev.storecrm.broadcasts;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.priming.Priming;
import dev.storecrm.platform.stream.SqsFunction;
import java.time.Clock;
import java.util.Map;

/** BroadcastPagesFunction: consumes the BroadcastQueue, one page of a broadcast's audience per message. */
public final class BroadcastPagesHandler implements SqsFunction {

    private final SqsBatchProcessor batch;
    private final BroadcastPagesService service;

    public BroadcastPagesHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** For the local cloud: the environment template.yaml gives the function, and a (simulated) clock. */
    public BroadcastPagesHandler(Map<String, String> environment, Clock clock) {
        this(new BroadcastPagesWiring(environment, clock));
    }

    BroadcastPagesHandler(BroadcastPagesWiring wiring) {
        this.batch = wiring.batch();
        this.service = wiring.service();
        Priming.register(this, Priming.EMPTY_BATCH);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return batch.handle(event, context, body -> service.handle(body).name());
    }
}
