package dev.storecrm.platform.adapter;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * A request to a platform webhook's function URL ({@code AuthType: NONE}: the adapter checks the
 * payload's signature itself). {@code rawBody} holds the exact bytes that were sent (Lambda hands
 * non-text bodies over base64-encoded), the bytes a signature is computed over.
 *
 * @param requestId Lambda's id of this request, which names it in the RejectsTable
 */
public record WebhookRequest(String method, Map<String, String> headers, byte[] rawBody, String requestId) {

    public WebhookRequest {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        rawBody = rawBody == null ? new byte[0] : rawBody.clone();
    }

    /** A header by name, whatever its case. */
    public Optional<String> header(String name) {
        return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).filter(v -> !v.isBlank()).findFirst();
    }

    public String body() {
        return new String(rawBody, StandardCharsets.UTF_8);
    }

    @Override
    public byte[] rawBody() {
        return rawBody.clone();
    }
}
