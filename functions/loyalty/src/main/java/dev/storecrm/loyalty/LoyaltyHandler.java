package dev.storecrm.loyalty;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.priming.Priming;
import dev.storecrm.platform.stream.SqsFunction;
import java.time.Clock;
import java.util.Map;

/**
 * LoyaltyFunction: consumes the LoyaltyQueue (order points from the member archive, points timers
 * from the sweep) and keeps the points ledger. Reports partial batch failures; bad input is kept in
 * the RejectsTable.
 */
public final class LoyaltyHandler implements SqsFunction {

    private final SqsBatchProcessor batch;
    private final LoyaltyService service;

    public LoyaltyHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** For the local cloud: the environment template.yaml gives the function, and a (simulated) clock. */
    public LoyaltyHandler(Map<String, String> environment, Clock clock) {
        this(new LoyaltyWiring(environment, clock));
    }

    LoyaltyHandler(LoyaltyWiring wiring) {
        this.batch = wiring.batch();
        this.service = wiring.service();
        Priming.register(this, Priming.EMPTY_BATCH);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return batch.handle(event, context, service::handle);
    }
}
