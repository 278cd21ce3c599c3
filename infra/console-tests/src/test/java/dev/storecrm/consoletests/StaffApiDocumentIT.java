package dev.storecrm.consoletests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalCloudExtension;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.localcloud.LocalStaffApi;
import dev.storecrm.localcloud.LocalTokenIssuer;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.localcloud.Template;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yaml.snakeyaml.Yaml;

/**
 * The OpenAPI document of the staff API ({@code docs/staff-api.yaml}) held against what is deployed
 * and what answers: its operations are exactly the routes template.yaml gives the staff API, and
 * every documented operation, with every documented action, reaches a handler that serves it (called
 * through the local staff API with an admin's token: no 404 for want of a route, no 405).
 */
@ExtendWith(LocalCloudExtension.class)
class StaffApiDocumentIT {

    @Test
    void theDocumentNamesExactlyTheRoutesOfTheTemplate() throws IOException {
        Set<String> template = LocalStaffApi.routes(Template.ofProject("us-east-1"), "StaffApi").stream()
                .map(r -> r.method() + " " + r.path()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> documented = new TreeSet<>();
        paths().forEach((path, operations) -> operations.keySet().forEach(method ->
                documented.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        assertEquals(template, documented);
    }

    @Test
    void everyDocumentedOperationIsServedByItsHandler(LocalCloud cloud) throws IOException {
        cloud.reset();
        SimulatedClock clock = new SimulatedClock(Instant.parse("2027-03-01T02:00:00Z"));
        LocalFunctions functions = cloud.functions(clock);
        String[] pool = LocalStaffApi.issuerAndAudience(cloud.template(), "StaffApi");
        LocalTokenIssuer issuer = new LocalTokenIssuer(pool[0], pool[1], Duration.ofHours(1), clock);
        LocalStaffApi api = new LocalStaffApi(cloud.template(), "StaffApi", functions, clock, issuer.jwks());
        String token = issuer.signIn("admin", "admin-local-1").orElseThrow();
        Map<String, String> admin = Map.of("authorization", "Bearer " + token,
                "content-type", "application/json");
        List<String> called = new ArrayList<>();
        paths().forEach((path, operations) -> operations.forEach((method, operation) -> {
            for (String concrete : concrete(path, operation)) {
                APIGatewayV2HTTPResponse response =
                        api.invoke(method.toUpperCase(Locale.ROOT), concrete, "", admin, "{}");
                String body = String.valueOf(response.getBody());
                String what = method + " " + concrete + " -> " + response.getStatusCode() + " " + body;
                assertNotEquals(405, response.getStatusCode(), what);
                assertFalse(body.contains("no route") || body.contains("no such list")
                        || body.contains("Not Found"), what);
                assertTrue(response.getStatusCode() < 500, what);
                called.add(method + " " + concrete);
            }
        }));
        assertTrue(called.contains("post /disputes/d-none/confirm-receipt"), called.toString());
        assertTrue(called.contains("get /members/c-none/points"), called.toString());
        assertTrue(called.contains("get /privacy/exports/dsr-none"), called.toString());
        assertTrue(called.contains("get /exports/00000000-0000-4000-8000-000000000000"), called.toString());
        assertTrue(called.contains("get /segments/champions"), called.toString());
        assertTrue(called.contains("post /care/conversations/c-0000000000000000/delay"), called.toString());
        assertTrue(called.contains("post /broadcasts/b-none/cancel"), called.toString());
        assertTrue(called.contains("get /mail-outcomes") && called.contains("get /lift"), called.toString());
        assertTrue(called.contains("get /order-feedback"), called.toString());
        assertTrue(called.contains("post /templates/order-follow-up/en/rollback"), called.toString());
        assertTrue(called.contains("get /broadcasts") && called.contains("post /broadcasts"), called.toString());
        assertTrue(called.contains("get /coupon-outcomes"), called.toString());
        assertEquals(47, called.size(), "every operation, each action: " + called);
    }

    /** The operation's path with its parameters filled: a made-up dispute, member or export, and each action. */
    @SuppressWarnings("unchecked")
    private static List<String> concrete(String path, Map<String, Object> operation) {
        List<String> paths = new ArrayList<>(List.of(path.replace("{disputeId}", "d-none")
                .replace("{customerId}", "c-none").replace("{exportId}", "00000000-0000-4000-8000-000000000000")
                .replace("{conversationId}", "c-0000000000000000").replace("{requestId}", "dsr-none")
                .replace("{campaignId}", "b-none")
                .replace("{template}", "order-follow-up").replace("{locale}", "en")
                .replace("{segment}", "champions").replace("{audience}", "bought-360d")));
        for (Object p : (List<Object>) operation.getOrDefault("parameters", List.of())) {
            Map<String, Object> parameter = (Map<String, Object>) p;
            if ("action".equals(parameter.get("name"))) {
                List<String> actions = (List<String>) ((Map<String, Object>) parameter.get("schema")).get("enum");
                String base = paths.getFirst();
                paths = actions.stream().map(a -> base.replace("{action}", a)).toList();
            }
        }
        return paths;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Map<String, Object>>> paths() throws IOException {
        try (Reader reader = Files.newBufferedReader(Template.projectRoot().resolve("docs/staff-api.yaml"))) {
            Map<String, Object> document = new Yaml().load(reader);
            return (Map<String, Map<String, Map<String, Object>>>) document.get("paths");
        }
    }
}
