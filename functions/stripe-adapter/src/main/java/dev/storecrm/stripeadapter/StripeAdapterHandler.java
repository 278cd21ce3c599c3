package dev.storecrm.stripeadapter;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.priming.Priming;
import dev.storecrm.platform.stream.SqsFunction;
import java.time.Clock;
import java.util.Map;

/**
 * StripeAdapterFunction: consumes the StripeAdapterQueue (Stripe events from the event destination's
 * partner bus, routed by StripeAdapterRule) and publishes their canonical events on the store bus.
 * Reports partial batch failures; refused payloads are kept in the RejectsTable.
 */
public final class StripeAdapterHandler implements SqsFunction {

    private final SqsBatchProcessor batch;
    private final StripeAdapterService service;

    /** The Lambda runtime's constructor: configuration from the environment, the system clock. */
    public StripeAdapterHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** For the local cloud: the environment template.yaml gives the function, and a (simulated) clock. */
    public StripeAdapterHandler(Map<String, String> environment, Clock clock) {
        this(new StripeAdapterWiring(environment, clock));
    }

    StripeAdapterHandler(StripeAdapterWiring wiring) {
        this.batch = wiring.batch();
        this.service = wiring.service();
        Priming.register(this, Priming.EMPTY_BATCH);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return batch.handle(event, context, service::handle);
    }
}
