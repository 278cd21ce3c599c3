package dev.storecrm.signedwebhook;

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
 * SignedWebhookFunction, behind a function URL ({@code AuthType: NONE}): canonical events signed
 * with HMAC-SHA256, from a store's backend or a bridge, published on the store bus.
 */
public final class SignedWebhookHandler implements HttpFunction {

    private final SignedWebhookService service;
    private final Metrics metrics;

    /** The Lambda runtime's constructor: configuration from the environment, the system clock. */
    public SignedWebhookHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** For the local cloud: the environment template.yaml gives the function, and a (simulated) clock. */
    public SignedWebhookHandler(Map<String, String> environment, Clock clock) {
        this(new SignedWebhookWiring(environment, clock));
    }

    SignedWebhookHandler(SignedWebhookWiring wiring) {
        this.service = wiring.service();
        this.metrics = wiring.metrics();
        Priming.register(this, Priming.UNKNOWN_ROUTE);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return PublicWebhookUrl.serve(event, context, metrics, service::handle);
    }
}
