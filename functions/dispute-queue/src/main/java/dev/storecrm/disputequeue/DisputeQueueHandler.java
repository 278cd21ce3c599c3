package dev.storecrm.disputequeue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * DisputeQueueFunction, behind a function URL with {@code AuthType: AWS_IAM}: Lambda refuses any
 * request without a valid SigV4 signature of a principal allowed {@code lambda:InvokeFunctionUrl}
 * before this handler runs, and tells it who called ({@code requestContext.authorizer.iam}), which
 * the history records as the actor of each action.
 */
public final class DisputeQueueHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

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
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent request, Context context) {
        return PowertoolsLogging.withLogging(context, () -> {
            try {
                APIGatewayV2HTTPEvent.RequestContext requestContext = request.getRequestContext();
                String method = Optional.ofNullable(requestContext).map(APIGatewayV2HTTPEvent.RequestContext::getHttp)
                        .map(APIGatewayV2HTTPEvent.RequestContext.Http::getMethod).orElse("GET");
                DisputeQueueService.Response response = service.handle(method, request.getRawPath(),
                        Optional.ofNullable(request.getQueryStringParameters()).orElse(Map.of()), request.getHeaders(),
                        request.getBody(), actor(requestContext));
                metrics.addMetric("DisputeQueue" + response.status(), 1, MetricUnit.COUNT);
                return APIGatewayV2HTTPResponse.builder().withStatusCode(response.status())
                        .withHeaders(Map.of("content-type", "application/json; charset=utf-8", "cache-control", "no-store"))
                        .withBody(response.body().toString()).build();
            } finally {
                metrics.flush();
            }
        });
    }

    /** The IAM principal Lambda verified, for the history; the function URL's IAM auth guarantees there is one. */
    private static String actor(APIGatewayV2HTTPEvent.RequestContext context) {
        return Optional.ofNullable(context).map(APIGatewayV2HTTPEvent.RequestContext::getAuthorizer)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer::getIam)
                .map(iam -> iam.getUserArn() != null ? iam.getUserArn() : iam.getCallerId())
                .orElse("unknown");
    }
}
