package dev.storecrm.privacyrequests;

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
 * PrivacyDeskFunction, behind the staff API (console admins; the JWT authorizer passes their claims and the handler
 * checks them itself, {@link StaffDoors}): a member's export, and the export kept for a data request.
 */
public final class PrivacyDeskHandler implements HttpFunction {

    private final PrivacyDeskService service;
    private final Metrics metrics;

    public PrivacyDeskHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** For the local cloud: the environment template.yaml gives the function, and a (simulated) clock. */
    public PrivacyDeskHandler(Map<String, String> environment, Clock clock) {
        this(new PrivacyDeskWiring(environment, clock));
    }

    PrivacyDeskHandler(PrivacyDeskWiring wiring) {
        this.service = wiring.service();
        this.metrics = wiring.metrics();
        Priming.register(this, Priming.UNKNOWN_ROUTE);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent request, Context context) {
        return StaffDoors.serve(request, context, metrics, "PrivacyDesk", PrivacyDeskService.GROUPS, service::handle);
    }
}
