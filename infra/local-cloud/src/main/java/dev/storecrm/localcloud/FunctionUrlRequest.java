package dev.storecrm.localcloud;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A request to a function URL as a sample of the repository's {@code events/} describes it. The
 * samples ({@code events/dispute-queue/}, {@code events/care-lists/}, {@code events/unsubscribe/})
 * are the events Lambda delivers for function URLs (HTTP API payload 2.0), usable as they are with
 * {@code sam local invoke -e} ({@link #event}); tests send the request they describe through
 * {@link LocalFunctions#invokeUrl(String, FunctionUrlRequest)} or
 * {@link LocalFunctions#invokeSignedUrl(String, FunctionUrlRequest)}, which sign it anew and build
 * the event as Lambda would. What the sample's caller sent is kept (method, path, query, body and
 * headers such as {@code content-type} or {@code idempotency-key}); what Lambda and the signer add
 * ({@code host}, {@code authorization}, {@code x-amz-date}, {@code x-forwarded-*}, the trace id) is not.
 */
public record FunctionUrlRequest(String method, String path, String rawQuery, Map<String, String> headers,
                                 String body) {

    /** Headers of a sample that the transport, Lambda or the SigV4 signer set, not the caller. */
    private static final Set<String> NOT_THE_CALLERS = Set.of("host", "authorization", "x-amz-date",
            "x-amz-security-token", "x-amz-content-sha256", "content-length", "x-amzn-trace-id", "x-forwarded-for",
            "x-forwarded-port", "x-forwarded-proto", "x-amzn-tls-version", "x-amzn-tls-cipher-suite");

    public FunctionUrlRequest {
        headers = Map.copyOf(headers);
    }

    /** The function URL event of a sample (a path under {@code events/}), as Lambda's runtime deserializes it. */
    public static APIGatewayV2HTTPEvent event(String sample) {
        return EventLoader.loadApiGatewayHttpEvent(Template.projectRoot().resolve("events").resolve(sample).toString());
    }

    /** The request a sample (a path under {@code events/}) describes. */
    public static FunctionUrlRequest sample(String sample) {
        APIGatewayV2HTTPEvent event = event(sample);
        Map<String, String> headers = new LinkedHashMap<>();
        event.getHeaders().forEach((name, value) -> {
            if (!NOT_THE_CALLERS.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, value);
            }
        });
        String body = event.getBody() == null || !event.getIsBase64Encoded() ? event.getBody()
                : new String(Base64.getDecoder().decode(event.getBody()), StandardCharsets.UTF_8);
        return new FunctionUrlRequest(event.getRequestContext().getHttp().getMethod(), event.getRawPath(),
                event.getRawQueryString(), headers, body);
    }

    /** The same request with another query string (a token from a real mail, say). */
    public FunctionUrlRequest withQuery(String newRawQuery) {
        return new FunctionUrlRequest(method, path, newRawQuery, headers, body);
    }
}
