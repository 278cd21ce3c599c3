package dev.storecrm.feedbacklanding;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storecrm.platform.http.PublicFunctionUrl;
import dev.storecrm.platform.priming.Priming;
import dev.storecrm.platform.stream.HttpFunction;
import java.time.Clock;
import java.util.Map;

/**
 * FeedbackLandingFunction, behind a public Lambda function URL: the page an order's follow-up link opens, where
 * the member says whether the order met the need ({@link FeedbackLandingRoutes} says what each request gets).
 */
public final class FeedbackLandingHandler
        implements HttpFunction {

    private final FeedbackLandingRoutes routes;
    private final PublicFunctionUrl url;

    public FeedbackLandingHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** For the local cloud: the environment template.yaml gives the function, and a (simulated) clock. */
    public FeedbackLandingHandler(Map<String, String> environment, Clock clock) {
        this(new FeedbackLandingWiring(environment, clock));
    }

    FeedbackLandingHandler(FeedbackLandingWiring wiring) {
        this.routes = wiring.routes();
        this.url = wiring.url();
        Priming.register(this, Priming.UNKNOWN_ROUTE);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent request, Context context) {
        return url.serve(request, context, routes::answer);
    }
}
