package dev.storecrm.sender;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.storecrm.domain.messaging.MessageRequestJson;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.priming.Priming;
import dev.storecrm.platform.stream.SqsFunction;
import java.time.Clock;
import java.util.Map;

/**
 * SenderFunction: consumes message requests from OutboxQueue and OutboxPriorityQueue and sends
 * each at most once. Reports partial batch failures; a malformed request or a broken template is
 * kept in the RejectsTable.
 */
public final class SenderHandler implements SqsFunction {

    private final SqsBatchProcessor batch;
    private final SenderService service;

    public SenderHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** For the local cloud: the environment template.yaml gives the function, and a (simulated) clock. */
    public SenderHandler(Map<String, String> environment, Clock clock) {
        this(new SenderWiring(environment, clock));
    }

    SenderHandler(SenderWiring wiring) {
        this.batch = wiring.batch();
        this.service = wiring.service();
        Priming.register(this, Priming.EMPTY_BATCH);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return batch.handle(event, context, body -> service.handle(MessageRequestJson.read(body)).name());
    }
}
