package dev.storecrm.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The staff's way in, locally, as tests and scripts use it: the template's {@code StaffApi} with its token checks,
 * and a local user pool that signs in the documented users ({@link LocalTokenIssuer#USERS}).
 */
public final class LocalStaffDoor {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalTokenIssuer issuer;
    private final LocalStaffApi api;

    private LocalStaffDoor(LocalTokenIssuer issuer, LocalStaffApi api) {
        this.issuer = issuer;
        this.api = api;
    }

    /** The staff API over these functions; tokens valid for 30 days of {@code clock}, as tests travel in time. */
    public static LocalStaffDoor open(LocalCloud cloud, LocalFunctions functions, Clock clock) {
        return open(cloud, functions, clock, Duration.ofDays(30));
    }

    /** As {@link #open(LocalCloud, LocalFunctions, Clock)}, with tokens valid for {@code validity}. */
    public static LocalStaffDoor open(LocalCloud cloud, LocalFunctions functions, Clock clock, Duration validity) {
        String[] pool = LocalStaffApi.issuerAndAudience(cloud.template(), "StaffApi");
        LocalTokenIssuer issuer = new LocalTokenIssuer(pool[0], pool[1], validity, clock);
        return new LocalStaffDoor(issuer, new LocalStaffApi(cloud.template(), "StaffApi", functions, clock,
                issuer.jwks()));
    }

    public LocalStaffApi api() {
        return api;
    }

    public LocalTokenIssuer issuer() {
        return issuer;
    }

    /** The headers of a JSON request by one of the documented local users, signed in now with its password. */
    public Map<String, String> as(String username) {
        LocalTokenIssuer.User user = LocalTokenIssuer.USERS.stream().filter(u -> u.username().equals(username))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no local user " + username));
        return Map.of("authorization", "Bearer " + issuer.signIn(user.username(), user.password()).orElseThrow(),
                "content-type", "application/json");
    }

    /** A request by {@code username}, answered by the function behind the route. */
    public APIGatewayV2HTTPResponse invoke(String username, String method, String path, String query, String body) {
        return api.invoke(method, path, query, as(username), body);
    }

    /** A request by {@code username} that must be answered with {@code status}: its JSON body. */
    public JsonNode call(String username, String method, String path, String query, String body, int status) {
        return read(invoke(username, method, path, query, body), status, method + " " + path);
    }

    /** The JSON body of an answer that must have {@code status}. */
    public static JsonNode read(APIGatewayV2HTTPResponse response, int status, String request) {
        assertEquals(status, response.getStatusCode(), request + ": " + response.getBody());
        try {
            return JSON.readTree(response.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(request + ": not JSON: " + response.getBody(), e);
        }
    }
}
