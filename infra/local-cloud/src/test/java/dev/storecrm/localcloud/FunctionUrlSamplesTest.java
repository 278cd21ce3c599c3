package dev.storecrm.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The samples of {@code events/<module>/} for each function with a function URL are the events
 * Lambda delivers for that URL (payload 2.0), so that {@code sam local invoke -e} gets what AWS
 * would send: the two descriptions of the path, the query and the host agree, an {@code AWS_IAM}
 * URL's sample carries the caller Lambda verified (else the function refuses it), a {@code NONE}
 * URL's none, and a body is base64-encoded exactly when Lambda would encode it. Each is described
 * in events/README.md.
 */
class FunctionUrlSamplesTest {

    private final Template template = Template.ofProject("us-east-1");
    private final Path events = Template.projectRoot().resolve("events");

    @TestFactory
    Stream<DynamicTest> everySampleIsTheEventLambdaDeliversForItsFunctionsUrl() throws IOException {
        String readme = Files.readString(events.resolve("README.md"));
        List<DynamicTest> tests = new ArrayList<>();
        for (Template.Resource function : template.resourcesOfType("AWS::Serverless::Function")) {
            Map<String, Object> urlConfig = Template.map(function.properties().get("FunctionUrlConfig"));
            if (urlConfig.isEmpty()) {
                continue;
            }
            String module = template.resolveString(function.properties().get("CodeUri")).split("/")[1];
            if (module.endsWith("-adapter") || module.equals("signed-webhook")) {
                continue; // A platform's webhook: its samples are the platform's deliveries, which its tests sign.
            }
            String authType = template.resolveString(urlConfig.get("AuthType"));
            List<Path> samples;
            try (Stream<Path> files = Files.list(events.resolve(module))) {
                samples = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            }
            assertFalse(samples.isEmpty(),
                    "events/" + module + "/ holds samples of " + function.logicalId() + "'s URL");
            for (Path sample : samples) {
                String name = module + "/" + sample.getFileName();
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    assertLikeLambda(FunctionUrlRequest.event(name), authType);
                    assertTrue(readme.contains(sample.getFileName().toString()),
                            name + " is described in events/README.md");
                }));
            }
        }
        assertEquals(8, tests.stream().map(t -> t.getDisplayName().split("/")[0]).distinct().count(),
                "the unsubscribe, feedback-landing, care-lists, dispute-queue, member-view, points-redemption, "
                        + "broadcasts and template-overrides URLs");
        return tests.stream();
    }

    private static void assertLikeLambda(APIGatewayV2HTTPEvent event, String authType) {
        assertEquals("2.0", event.getVersion());
        assertEquals("$default", event.getRouteKey());
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        assertEquals(event.getRawPath(), context.getHttp().getPath());
        assertEquals(query(event.getRawQueryString()),
                event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters());
        event.getHeaders().keySet().forEach(name -> assertEquals(name.toLowerCase(Locale.ROOT), name,
                "Lambda delivers header names in lower case"));
        assertEquals(context.getDomainName(), event.getHeaders().get("host"));
        assertEquals(context.getDomainPrefix() + ".lambda-url.us-east-1.on.aws", context.getDomainName());
        if (authType.equals("AWS_IAM")) {
            assertNotNull(context.getAuthorizer().getIam().getUserArn(), "the caller Lambda verified");
            assertTrue(event.getHeaders().get("authorization").matches(
                    "AWS4-HMAC-SHA256 Credential=\\w+/\\d{8}/us-east-1/lambda/aws4_request, "
                            + "SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*, Signature=[0-9a-f]{64}"));
            assertTrue(event.getHeaders().get("x-amz-date").matches("\\d{8}T\\d{6}Z"));
        } else {
            assertNull(context.getAuthorizer(), "an AuthType NONE URL has no verified caller");
            assertEquals("anonymous", context.getAccountId());
        }
        String contentType = event.getHeaders().getOrDefault("content-type", "");
        boolean text = contentType.startsWith("application/json") || contentType.startsWith("text/");
        if (event.getBody() != null) {
            assertEquals(!text, event.getIsBase64Encoded(), "Lambda base64-encodes bodies that are not JSON or text");
            if (event.getIsBase64Encoded()) {
                assertFalse(new String(Base64.getDecoder().decode(event.getBody()), StandardCharsets.UTF_8).isEmpty());
            }
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                query.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }
}
