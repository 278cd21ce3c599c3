package dev.storecrm.platform.http;

import java.util.Map;
import java.util.Optional;

/**
 * A request to a staff function URL whose caller Lambda authenticated with IAM.
 *
 * @param caller          the IAM principal Lambda verified (its ARN, else its caller id), for the history
 * @param signedRequestId one signed request, from its SigV4 signature and signing time
 *                        ({@code sigv4:<X-Amz-Date>:<first 40 hex of the signature>}): a replay of the
 *                        same signed request has the same id, any newly signed one another
 */
public record StaffRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                           String body, String caller, Optional<String> signedRequestId) {

    public StaffRequest {
        query = query == null ? Map.of() : Map.copyOf(query);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** A header by name, whatever its case. */
    public Optional<String> header(String name) {
        return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst();
    }
}
