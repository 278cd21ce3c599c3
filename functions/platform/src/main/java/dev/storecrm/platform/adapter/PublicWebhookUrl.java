package dev.storecrm.platform.adapter;

import static dev.storecrm.platform.logging.LogField.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storecrm.platform.http.HttpAnswer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.storecrm.platform.logging.LambdaLogging;
import dev.storecrm.platform.metrics.Metrics;
import dev.storecrm.platform.metrics.MetricUnit;

/**
 * The edge of a platform webhook's function URL ({@code AuthType: NONE}, checked by signature in
 * the service): the event Lambda delivers in, a {@link WebhookRequest} to the service, its
 * {@link HttpAnswer} out, inside Powertools' structured logging, with one metric per answer
 * ({@code WebhookAnswered<status>}) and the metrics flushed however it ends. A failure of the
 * service (the bus or a table unreachable) is not caught: Lambda answers 502, the function's
 * Errors alarm counts it, and the sender may retry.
 */
public final class PublicWebhookUrl {

    private static final Logger LOG = LoggerFactory.getLogger(PublicWebhookUrl.class);

    private PublicWebhookUrl() {}

    public static APIGatewayV2HTTPResponse serve(APIGatewayV2HTTPEvent event, Context context, Metrics metrics,
                                                 Function<WebhookRequest, HttpAnswer> service) {
        return LambdaLogging.withLogging(context, () -> {
            try {
                WebhookRequest request = request(event, context);
                HttpAnswer answer = service.apply(request);
                LOG.info("webhook answered", entry("status", answer.status()), entry("requestId", request.requestId()));
                metrics.addMetric("WebhookAnswered" + answer.status(), 1, MetricUnit.COUNT);
                return APIGatewayV2HTTPResponse.builder().withStatusCode(answer.status()).withHeaders(answer.headers())
                        .withBody(answer.body()).build();
            } finally {
                metrics.flush();
            }
        });
    }

    static WebhookRequest request(APIGatewayV2HTTPEvent event, Context context) {
        Optional<APIGatewayV2HTTPEvent.RequestContext> http = Optional.ofNullable(event.getRequestContext());
        String method = http.map(APIGatewayV2HTTPEvent.RequestContext::getHttp)
                .map(APIGatewayV2HTTPEvent.RequestContext.Http::getMethod).orElse("POST");
        String body = Optional.ofNullable(event.getBody()).orElse("");
        byte[] raw = event.getIsBase64Encoded()
                ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
        String requestId = http.map(APIGatewayV2HTTPEvent.RequestContext::getRequestId)
                .or(() -> Optional.ofNullable(context).map(Context::getAwsRequestId)).orElse("unknown");
        return new WebhookRequest(method, event.getHeaders(), raw, requestId);
    }
}
