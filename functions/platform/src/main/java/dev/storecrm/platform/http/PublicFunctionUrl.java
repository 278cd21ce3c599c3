package dev.storecrm.platform.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import dev.storecrm.platform.logging.LambdaLogging;
import dev.storecrm.platform.metrics.Metrics;

/**
 * The edge of a public function URL ({@code AuthType: NONE}, e.g. the one-click unsubscribe): the
 * Lambda event (HTTP API payload 2.0) turned into a {@link PublicRequest}, the service's
 * {@link HttpAnswer} into the response, inside Powertools' structured logging, metrics flushed
 * however it ends. What the request may do is the service's to check (a signed token, a
 * signature); {@link StaffDoors} is the staff functions' counterpart.
 */
public final class PublicFunctionUrl {

    private final Metrics metrics;

    public PublicFunctionUrl(Metrics metrics) {
        this.metrics = metrics;
    }

    public APIGatewayV2HTTPResponse serve(APIGatewayV2HTTPEvent event, Context context,
                                          Function<PublicRequest, HttpAnswer> service) {
        return LambdaLogging.withLogging(context, () -> {
            try {
                return service.apply(request(event)).response();
            } finally {
                metrics.flush();
            }
        });
    }

    static PublicRequest request(APIGatewayV2HTTPEvent event) {
        String method = Optional.ofNullable(event.getRequestContext())
                .map(APIGatewayV2HTTPEvent.RequestContext::getHttp)
                .map(APIGatewayV2HTTPEvent.RequestContext.Http::getMethod).orElse("GET");
        String path = Optional.ofNullable(event.getRawPath()).filter(p -> !p.isEmpty()).orElse("/");
        // Lambda base64-encodes a body it does not take for text (a browser's form post may come so).
        String body = event.getBody() == null || !event.getIsBase64Encoded() ? event.getBody()
                : new String(Base64.getDecoder().decode(event.getBody()), StandardCharsets.UTF_8);
        return new PublicRequest(method, path, event.getQueryStringParameters(), event.getHeaders(), body);
    }
}
