package dev.storecrm.privacyrequests;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.priming.Priming;
import dev.storecrm.platform.stream.SqsFunction;
import java.time.Clock;
import java.util.Map;

/** PrivacyRequestsFunction: consumes PrivacyRequestsQueue (privacy requests routed from the store bus). */
public final class PrivacyRequestsHandler implements SqsFunction {

    private final SqsBatchProcessor batch;
    private final PrivacyRequestsService service;

    public PrivacyRequestsHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** For the local cloud: the environment template.yaml gives the function, and a (simulated) clock. */
    public PrivacyRequestsHandler(Map<String, String> environment, Clock clock) {
        this(new PrivacyRequestsWiring(environment, clock));
    }

    PrivacyRequestsHandler(PrivacyRequestsWiring wiring) {
        this.batch = wiring.batch();
        this.service = wiring.service();
        Priming.register(this, Priming.EMPTY_BATCH);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return batch.handle(event, context, body -> service.handle(body).name());
    }
}
