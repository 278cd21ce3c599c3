package dev.storecrm.platform.http;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A request to a staff function from a caller one of its doors authenticated ({@link StaffDoors}).
 *
 * @param caller          who called, for the history: the IAM principal Lambda verified (its ARN, else
 *                        its caller id), or {@code console:<user name>} for a console user
 * @param signedRequestId one signed request, from its SigV4 signature and signing time
 *                        ({@code sigv4:<X-Amz-Date>:<first 40 hex of the signature>}): a replay of the
 *                        same signed request has the same id, any newly signed one another
 * @param groups          a console user's groups ({@code agents}, {@code marketers}, {@code admins});
 *                        empty for an IAM caller, whom the function's IAM policy admits to all of it
 */
public record StaffRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                           String body, String caller, Optional<String> signedRequestId, Set<String> groups) {

    public StaffRequest {
        query = query == null ? Map.of() : Map.copyOf(query);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        groups = Set.copyOf(groups);
    }

    /** A header by name, whatever its case. */
    public Optional<String> header(String name) {
        return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst();
    }
}
