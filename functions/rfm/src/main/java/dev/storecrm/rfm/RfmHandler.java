package dev.storecrm.rfm;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.storecrm.domain.rfm.RfmRecheck;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.priming.Priming;
import dev.storecrm.platform.stream.SqsFunction;
import java.time.Clock;
import java.util.Map;

/**
 * RfmFunction: consumes the rechecks on RfmQueue (from the member archive after each change of a member,
 * and from each member's RFM timer). Reports partial batch failures.
 */
public final class RfmHandler implements SqsFunction {

    private final SqsBatchProcessor batch;
    private final RfmService service;

    public RfmHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** For the local cloud: the environment template.yaml gives the function, and a (simulated) clock. */
    public RfmHandler(Map<String, String> environment, Clock clock) {
        this(new RfmWiring(environment, clock));
    }

    RfmHandler(RfmWiring wiring) {
        this.batch = wiring.batch();
        this.service = wiring.service();
        Priming.register(this, Priming.EMPTY_BATCH);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return batch.handle(event, context, body -> service.recheck(RfmRecheck.read(body)).name());
    }
}
