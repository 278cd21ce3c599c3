package dev.storecrm.memberview;

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
 * MemberViewFunction, behind a function URL with {@code AuthType: AWS_IAM} (scripts signing with
 * SigV4) and behind the staff API, whose JWT authorizer passes a console user's claims (agents and
 * admins are served). The handler checks the caller itself ({@link StaffDoors}).
 */
public final class MemberViewHandler implements HttpFunction {

    private final MemberViewService service;
    private final Metrics metrics;

    public MemberViewHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** For the local cloud: the environment template.yaml gives the function, and a (simulated) clock. */
    public MemberViewHandler(Map<String, String> environment, Clock clock) {
        this(new MemberViewWiring(environment, clock));
    }

    MemberViewHandler(MemberViewWiring wiring) {
        this.service = wiring.service();
        this.metrics = wiring.metrics();
        Priming.register(this, Priming.UNKNOWN_ROUTE);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent request, Context context) {
        return StaffDoors.serve(request, context, metrics, "MemberView", MemberViewService.GROUPS, service::handle);
    }
}
