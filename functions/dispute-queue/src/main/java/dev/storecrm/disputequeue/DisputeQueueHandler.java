package dev.storecrm.disputequeue;

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
 * DisputeQueueFunction, behind a function URL with {@code AuthType: AWS_IAM}: Lambda refuses any
 * request without a valid SigV4 signature of a principal allowed {@code lambda:InvokeFunctionUrl}
 * before this handler runs, and tells it who called ({@code requestContext.authorizer.iam}), which
 * the history records as the actor of each action; and behind the staff API, whose JWT authorizer
 * passes a console user's token claims (agents and admins are served). The handler checks the
 * caller itself ({@link StaffDoors}), so a URL set to {@code AuthType: NONE} by mistake serves nothing.
 */
public final class DisputeQueueHandler implements HttpFunction {

    private final DisputeQueueService service;
    private final Metrics metrics;

    public DisputeQueueHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** For the local cloud: the environment template.yaml gives the function, and a (simulated) clock. */
    public DisputeQueueHandler(Map<String, String> environment, Clock clock) {
        this(new DisputeQueueWiring(environment, clock));
    }

    DisputeQueueHandler(DisputeQueueWiring wiring) {
        this.service = wiring.service();
        this.metrics = wiring.metrics();
        Priming.register(this, Priming.UNKNOWN_ROUTE);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent request, Context context) {
        return StaffDoors.serve(request, context, metrics, "DisputeQueue", DisputeQueueService.GROUPS, service::handle);
    }
}
