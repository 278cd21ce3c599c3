package dev.storecrm.platform.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** What a staff service answers: status, headers and body. The lists and the queue hold personal data: never cached. */
public record HttpAnswer(int status, Map<String, String> headers, String body) {

    public HttpAnswer {
        Objects.requireNonNull(body, "body");
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putIfAbsent("Cache-Control", "no-store");
        headers = Map.copyOf(all);
    }

    /** The function URL's response (HTTP API payload 2.0). */
    public APIGatewayV2HTTPResponse response() {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(headers).withBody(body).build();
    }

    /** A JSON answer. */
    public static HttpAnswer json(int status, String body) {
        return new HttpAnswer(status, Map.of("Content-Type", "application/json; charset=utf-8"), body);
    }
}
