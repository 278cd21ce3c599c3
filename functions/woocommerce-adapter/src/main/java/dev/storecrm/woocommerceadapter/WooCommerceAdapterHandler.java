package dev.storecrm.woocommerceadapter;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storecrm.platform.adapter.PublicWebhookUrl;
import dev.storecrm.platform.metrics.Metrics;
import dev.storecrm.platform.priming.Priming;
import dev.storecrm.platform.stream.HttpFunction;
import java.time.Clock;
import java.util.Map;

/**
 * WooCommerceAdapterFunction, behind a function URL ({@code AuthType: NONE}): the store's
 * WooCommerce webhooks, checked by their signature, published as canonical events on the store bus.
 */
public final class WooCommerceAdapterHandler
        implements HttpFunction {

    private final WooCommerceAdapterService service;
    private final Metrics metrics;

    /** The Lambda runtime's constructor: configuration from the environment, the system clock. */
    public WooCommerceAdapterHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** For the local cloud: the environment template.yaml gives the function, and a (simulated) clock. */
    public WooCommerceAdapterHandler(Map<String, String> environment, Clock clock) {
        this(new WooCommerceAdapterWiring(environment, clock));
    }

    WooCommerceAdapterHandler(WooCommerceAdapterWiring wiring) {
        this.service = wiring.service();
        this.metrics = wiring.metrics();
        Priming.register(this, Priming.UNKNOWN_ROUTE);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return PublicWebhookUrl.serve(event, context, metrics, service::handle);
    }
}
