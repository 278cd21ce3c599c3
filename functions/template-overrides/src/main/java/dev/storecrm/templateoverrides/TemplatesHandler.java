package dev.storecrm.templateoverrides;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storecrm.platform.http.StaffDoors;
import dev.storecrm.platform.metrics.Metrics;
import dev.storecrm.platform.priming.Priming;
import dev.storecrm.platform.stream.HttpFunction;
import java.time.Clock;
import java.util.Map;

/**
 * TemplatesFunction, behind a function URL with {@code AuthType: AWS_IAM} and behind the staff API (marketers
 * and admins); the handler checks the caller itself ({@link StaffDoors}).
 */
public final class TemplatesHandler implements HttpFunction {

    private final TemplatesService service;
    private final Metrics metrics;

    public TemplatesHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** For the local cloud: the environment template.yaml gives the function, and a (simulated) clock. */
    public TemplatesHandler(Map<String, String> environment, Clock clock) {
        this(new TemplatesWiring(environment, clock));
    }

    TemplatesHandler(TemplatesWiring wiring) {
        this.service = wiring.service();
        this.metrics = wiring.metrics();
        Priming.register(this, Priming.UNKNOWN_ROUTE);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent request, Context context) {
        return StaffDoors.serve(request, context, metrics, "Templates", TemplatesService.GROUPS, service::handle);
    }
}
