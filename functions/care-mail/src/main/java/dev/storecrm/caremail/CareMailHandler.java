package dev.storecrm.caremail;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.priming.Priming;
import dev.storecrm.platform.stream.SqsFunction;
import java.time.Clock;
import java.util.Map;

/**
 * CareMailFunction: consumes the CareMailQueue (SES's notifications of received customer mail, through the
 * CareMailTopic, and the care chase's timer firings). Reports partial batch failures; refused and invalid mail is
 * kept in the RejectsTable with its reason.
 */
public final class CareMailHandler implements SqsFunction {

    private final SqsBatchProcessor batch;
    private final CareMailService service;

    /** The Lambda runtime's constructor: configuration from the environment, the system clock. */
    public CareMailHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** For the local cloud: the environment template.yaml gives the function, and a (simulated) clock. */
    public CareMailHandler(Map<String, String> environment, Clock clock) {
        this(new CareMailWiring(environment, clock));
    }

    CareMailHandler(CareMailWiring wiring) {
        this.batch = wiring.batch();
        this.service = wiring.service();
        Priming.register(this, Priming.EMPTY_BATCH);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return batch.handle(event, context, body -> service.handle(body).name());
    }
}
