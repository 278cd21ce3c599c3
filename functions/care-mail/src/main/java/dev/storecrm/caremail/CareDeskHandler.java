package dev.storecrm.caremail;

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
 * CareDeskFunction, behind the staff API (console users of the groups agents and admins; the JWT authorizer
 * passes their claims and the handler checks them itself, {@link StaffDoors}): the care team's conversation
 * queue, a thread, and "the answer will take longer".
 */
public final class CareDeskHandler implements HttpFunction {

    private final CareDeskService service;
    private final Metrics metrics;

    public CareDeskHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** For the local cloud: the environment template.yaml gives the function, and a (simulated) clock. */
    public CareDeskHandler(Map<String, String> environment, Clock clock) {
        this(new CareDeskWiring(environment, clock));
    }

    CareDeskHandler(CareDeskWiring wiring) {
        this.service = wiring.service();
        this.metrics = wiring.metrics();
        Priming.register(this, Priming.UNKNOWN_ROUTE);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent request, Context context) {
        return StaffDoors.serve(request, context, metrics, "CareDesk", CareDeskService.GROUPS, service::handle);
    }
}
