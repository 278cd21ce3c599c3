package dev.storecrm.disputes;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.priming.Priming;
import dev.storecrm.platform.stream.SqsFunction;
import java.time.Clock;
import java.util.Map;

/**
 * DisputeFunction: consumes DisputeOpened and DisputeUpdated events and the dispute chase's timer
 * firings from the DisputeQueue. Reports partial batch failures; invalid events and invalid
 * transitions are kept in the RejectsTable.
 */
public final class DisputeHandler implements SqsFunction {

    private final SqsBatchProcessor batch;
    private final DisputeService service;

    /** The Lambda runtime's constructor: configuration from the environment, the system clock. */
    public DisputeHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** For the local cloud: the environment template.yaml gives the function, and a (simulated) clock. */
    public DisputeHandler(Map<String, String> environment, Clock clock) {
        this(new DisputeWiring(environment, clock));
    }

    DisputeHandler(DisputeWiring wiring) {
        this.batch = wiring.batch();
        this.service = wiring.service();
        Priming.register(this, Priming.EMPTY_BATCH);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return batch.handle(event, context, body -> service.handle(body).name());
    }
}
