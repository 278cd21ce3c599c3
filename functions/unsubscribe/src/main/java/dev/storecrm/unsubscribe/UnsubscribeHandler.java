package dev.storecrm.unsubscribe;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storecrm.platform.http.PublicFunctionUrl;
import dev.storecrm.platform.priming.Priming;
import dev.storecrm.platform.stream.HttpFunction;
import java.time.Clock;
import java.util.Map;

/**
 * UnsubscribeFunction, behind a public Lambda function URL: the one-click unsubscribe of RFC 8058
 * ({@link UnsubscribeRoutes} says what each request gets).
 */
public final class UnsubscribeHandler implements HttpFunction {

    private final UnsubscribeRoutes routes;
    private final PublicFunctionUrl url;

    public UnsubscribeHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** For the local cloud: the environment template.yaml gives the function, and a (simulated) clock. */
    public UnsubscribeHandler(Map<String, String> environment, Clock clock) {
        this(new UnsubscribeWiring(environment, clock));
    }

    UnsubscribeHandler(UnsubscribeWiring wiring) {
        this.routes = wiring.routes();
        this.url = wiring.url();
        Priming.register(this, Priming.UNKNOWN_ROUTE);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent request, Context context) {
        return url.serve(request, context, routes::answer);
    }
}
