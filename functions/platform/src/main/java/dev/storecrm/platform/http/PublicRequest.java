package dev.storecrm.platform.http;

import java.util.Map;
import java.util.Optional;

/** A request to a public function URL ({@code AuthType: NONE}): whoever sent it, the service checks it itself. */
public record PublicRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                            String body) {

    public PublicRequest {
        query = query == null ? Map.of() : Map.copyOf(query);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** A header by name, whatever its case. */
    public Optional<String> header(String name) {
        return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst();
    }

    /** A query parameter by name. */
    public Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name));
    }
}
