package dev.storecrm.shopifyadapter;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.priming.Priming;
import dev.storecrm.platform.stream.SqsFunction;
import java.time.Clock;
import java.util.Map;

/**
 * ShopifyAdapterFunction: consumes the ShopifyAdapterQueue (Shopify webhooks from the partner event
 * source's bus, routed by ShopifyAdapterRule) and publishes their canonical events on the store bus.
 * Reports partial batch failures; refused payloads are kept in the RejectsTable.
 */
public final class ShopifyAdapterHandler implements SqsFunction {

    private final SqsBatchProcessor batch;
    private final ShopifyAdapterService service;

    /** The Lambda runtime's constructor: configuration from the environment, the system clock. */
    public ShopifyAdapterHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** For the local cloud: the environment template.yaml gives the function, and a (simulated) clock. */
    public ShopifyAdapterHandler(Map<String, String> environment, Clock clock) {
        this(new ShopifyAdapterWiring(environment, clock));
    }

    ShopifyAdapterHandler(ShopifyAdapterWiring wiring) {
        this.batch = wiring.batch();
        this.service = wiring.service();
        Priming.register(this, Priming.EMPTY_BATCH);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return batch.handle(event, context, service::handle);
    }
}
