package dev.storecrm.memberarchive;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.priming.Priming;
import dev.storecrm.platform.stream.SqsFunction;
import java.time.Clock;
import java.util.Map;

/**
 * MemberArchiveFunction: consumes member and order events from the MemberArchiveQueue and keeps
 * the member archive. Reports partial batch failures; invalid events are kept in the RejectsTable.
 */
public final class MemberArchiveHandler implements SqsFunction {

    private final SqsBatchProcessor batch;
    private final MemberArchiveService service;

    /** The Lambda runtime's constructor: configuration from the environment, the system clock. */
    public MemberArchiveHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** For the local cloud: the environment template.yaml gives the function, and a (simulated) clock. */
    public MemberArchiveHandler(Map<String, String> environment, Clock clock) {
        this(new MemberArchiveWiring(environment, clock));
    }

    MemberArchiveHandler(MemberArchiveWiring wiring) {
        this.batch = wiring.batch();
        this.service = wiring.service();
        Priming.register(this, Priming.EMPTY_BATCH);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return batch.handle(event, context, body -> service.handle(body).name());
    }
}
