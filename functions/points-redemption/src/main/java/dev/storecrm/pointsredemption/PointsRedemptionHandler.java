package dev.storecrm.pointsredemption;

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
 * PointsRedemptionFunction, behind a function URL with {@code AuthType: AWS_IAM}: the store's checkout
 * backend signs its calls with SigV4 under its IAM role (allowed by the {@code PointsCheckoutPolicy}).
 * The handler checks the caller itself ({@link StaffDoors}, IAM callers only), so a URL set to {@code NONE} by
 * mistake serves nothing.
 */
public final class PointsRedemptionHandler implements HttpFunction {

    private final PointsRedemptionService service;
    private final Metrics metrics;

    public PointsRedemptionHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** For the local cloud: the environment template.yaml gives the function, and a (simulated) clock. */
    public PointsRedemptionHandler(Map<String, String> environment, Clock clock) {
        this(new PointsRedemptionWiring(environment, clock));
    }

    PointsRedemptionHandler(PointsRedemptionWiring wiring) {
        this.service = wiring.service();
        this.metrics = wiring.metrics();
        Priming.register(this, Priming.UNKNOWN_ROUTE);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent request, Context context) {
        return StaffDoors.serve(request, context, metrics, "PointsRedemption", StaffDoors.IAM_ONLY, service::handle);
    }
}
