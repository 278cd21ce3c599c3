package dev.storecrm.carelists;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storecrm.platform.http.StaffDoors;
import dev.storecrm.platform.priming.Priming;
import dev.storecrm.platform.stream.HttpFunction;
import java.time.Clock;
import java.util.Map;
import dev.storecrm.platform.logging.LambdaLogging;

/**
 * CareListsFunction, behind a Lambda function URL with {@code AuthType: AWS_IAM}: the lists
 * customer-care staff work from ({@link CareListsService}) and the reputation guard ({@link ReputationRoutes}),
 * and through the staff API for console users of the groups it serves. The handler checks the caller
 * itself ({@link StaffDoors}), so a URL set to {@code AuthType: NONE} by mistake serves nothing.
 */
public final class CareListsHandler implements HttpFunction {

    private final CareListsWiring routes;

    public CareListsHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** For the local cloud: the environment template.yaml gives the function, and a (simulated) clock. */
    public CareListsHandler(Map<String, String> environment, Clock clock) {
        this(new CareListsWiring(environment, clock));
    }

    CareListsHandler(CareListsWiring wiring) {
        this.routes = wiring;
        Priming.register(this, Priming.UNKNOWN_ROUTE);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent request, Context context) {
        return LambdaLogging.withLogging(context,
                () -> StaffDoors.serve(request, CareListsService.GROUPS, routes::route));
    }
}
