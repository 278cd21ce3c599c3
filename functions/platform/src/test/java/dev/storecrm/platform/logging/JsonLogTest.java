package dev.storecrm.platform.logging;

import static dev.storecrm.platform.logging.LogField.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.localcloud.Template;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/** The functions' log lines keep the JSON layout Powertools' log4j backend wrote, which Logs Insights reads. */
class JsonLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-12-05T21:48:20.223Z");

    private final List<String> lines = new ArrayList<>();
    private final JsonLogger log = new JsonLogger("dev.storecrm.rfm.RfmService", Level.INFO, lines::add,
            Clock.fixed(NOW, ZoneOffset.UTC));

    /** A line the log4j backend wrote for the RFM function's cold start (2026-12-05, before this provider). */
    @Test
    void aLineInAnInvocationIsTheLineLog4jWrote() {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("function_request_id", "cold-start-1");
        context.put("service", "rfm");
        context.put("function_name", "RfmFunction");
        context.put("cold_start", "true");
        context.put("function_version", "$LATEST");
        context.put("function_memory_size", "1024");
        context.put("xray_trace_id", "1-00000000-000000000000000000000000");
        context.put("function_arn", "arn:aws:lambda:us-east-1:000000000000:function:RfmFunction");
        assertEquals("{\"level\":\"INFO\",\"message\":\"message processed\",\"cold_start\":true,"
                + "\"function_arn\":\"arn:aws:lambda:us-east-1:000000000000:function:RfmFunction\","
                + "\"function_memory_size\":1024,\"function_name\":\"RfmFunction\","
                + "\"function_request_id\":\"cold-start-1\",\"function_version\":\"$LATEST\",\"service\":\"rfm\","
                + "\"timestamp\":\"2026-12-05T21:48:20.223Z\","
                + "\"xray_trace_id\":\"1-00000000-000000000000000000000000\","
                + "\"consumer\":\"rfm\",\"messageId\":\"e8ebb235-92dd-479b-9d23-acc26db86d55\","
                + "\"outcome\":\"UNCHANGED\"}",
                JsonLine.of("INFO", "message processed", null, context, List.of(entry("consumer", "rfm"),
                        entry("messageId", "e8ebb235-92dd-479b-9d23-acc26db86d55"), entry("outcome", "UNCHANGED")),
                        NOW));
    }

    @Test
    void anInvocationPutsTheLambdaContextOnEveryLineAndTakesItAwayAfter() throws IOException {
        String answer = LambdaLogging.withLogging(context("req-42"), () -> {
            log.info("message processed", entry("messageId", "m-1"));
            return "done";
        });
        log.info("after the invocation");
        assertEquals("done", answer);
        JsonNode during = JSON.readTree(lines.get(0));
        assertEquals("req-42", during.get("function_request_id").asText());
        assertEquals("Orders", during.get("function_name").asText());
        assertEquals(512, during.get("function_memory_size").asInt());
        assertTrue(during.get("cold_start").isBoolean(), lines.get(0));
        assertEquals("m-1", during.get("messageId").asText());
        JsonNode after = JSON.readTree(lines.get(1));
        assertFalse(after.has("function_request_id"), lines.get(1));
        assertEquals("after the invocation", after.get("message").asText());
    }

    @Test
    void fieldsKeepTheirTypesTextIsEscapedAndReservedKeysAreLeftOut() throws IOException {
        log.warn("refused {}", entry("reason", "TOO_LONG"), entry("count", 3), entry("complete", true),
                entry("groups", List.of("staff", "admins")), entry("note", "a \"quoted\"\nline\u0001"),
                entry("level", "DEBUG"), entry("function_name", "spoofed"));
        JsonNode line = JSON.readTree(lines.getFirst());
        assertEquals("WARN", line.get("level").asText());
        assertEquals("refused reason=TOO_LONG", line.get("message").asText());
        assertEquals(3, line.get("count").asInt());
        assertTrue(line.get("complete").asBoolean());
        assertEquals("admins", line.get("groups").get(1).asText());
        assertEquals("a \"quoted\"\nline\u0001", line.get("note").asText());
        assertFalse(line.has("function_name"), "a reserved key given as a field is left out");
        assertFalse(lines.getFirst().contains("\n"), "one line: " + lines.getFirst());
    }

    @Test
    void anErrorCarriesItsNameMessageAndStack() throws IOException {
        log.error("message failed", new IllegalStateException("table missing"));
        log.debug("not written at INFO");
        assertEquals(1, lines.size());
        JsonNode error = JSON.readTree(lines.getFirst()).get("error");
        assertEquals("java.lang.IllegalStateException", error.get("name").asText());
        assertEquals("table missing", error.get("message").asText());
        assertTrue(error.get("stack").asText().contains("at dev.storecrm.platform.logging.JsonLogTest"));
    }

    @Test
    void theLevelComesFromPowertoolsThenLambdaThenInfo() {
        assertEquals(Level.DEBUG, JsonLogProvider.level("debug", "ERROR"));
        assertEquals(Level.ERROR, JsonLogProvider.level(null, "ERROR"));
        assertEquals(Level.ERROR, JsonLogProvider.level("FATAL"));
        assertEquals(Level.INFO, JsonLogProvider.level("LOUD"));
        assertEquals(Level.INFO, JsonLogProvider.level(null, null));
    }

    @Test
    void noStructuredLogArgumentUsesAKeyTheLineWritesItself() throws IOException {
        Pattern argument = Pattern.compile("\\bentry\\(\"([^\"]+)\"");
        Map<String, String> misused = new TreeMap<>();
        for (String group : List.of("functions", "infra")) {
            try (Stream<Path> files = Files.walk(Template.projectRoot().resolve(group))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")
                        && f.toString().contains("/src/main/java/") && !f.toString().contains("/target/")).toList()) {
                    Matcher matcher = argument.matcher(Files.readString(file));
                    while (matcher.find()) {
                        if (LogField.RESERVED.contains(matcher.group(1))) {
                            misused.put(file.toString(), matcher.group(1));
                        }
                    }
                }
            }
        }
        assertEquals(Map.of(), misused, "log arguments with a key the line writes itself (the value never reaches "
                + "the log): rename them");
    }

    private static Context context(String requestId) {
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAwsRequestId" -> requestId;
                    case "getFunctionName" -> "Orders";
                    case "getFunctionVersion" -> "$LATEST";
                    case "getInvokedFunctionArn" -> "arn:aws:lambda:us-east-1:000000000000:function:Orders";
                    case "getMemoryLimitInMB" -> 512;
                    default -> null;
                });
    }
}
