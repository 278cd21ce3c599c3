package dev.storecrm.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.localcloud.Template;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * What {@code sam deploy} ships is what the build tested: every function's CodeUri is a jar the
 * Maven build produced, holding the handler class, the JSON log provider (no log4j), our EMF writer (no EMF
 * library), no Jackson, no HTTP client but url-connection, and no emulator.
 */
class DeployableArtifactsIT {

    /**
     * The size each jar must stay under: the 8 MB (MiB here), unless it is listed with the SDK services that
     * hold it above. Without Jackson (our JSON trees, our EMF writer) a DynamoDB-only function is 6.7-7.0 MB; the SDK
     * is 6.2 MB of it, and every further service client adds 0.6-0.9 MB, SES v2 and S3 more (docs/benchmarks.md,
     * "No Jackson in any jar"). The listed bounds are whole megabytes, 0.5-1.1 MB above the largest measured.
     */
    private static final long DEFAULT_JAR_MEGABYTES = 8;
    private static final Map<String, Long> JAR_MEGABYTES = Map.ofEntries(
            // SQS and Secrets Manager beside DynamoDB (8.3-8.5 MB)
            Map.entry("order-feedback.jar", 9L), Map.entry("loyalty.jar", 9L), Map.entry("win-back.jar", 9L),
            Map.entry("greetings.jar", 9L), Map.entry("broadcasts.jar", 9L), Map.entry("cart-recovery.jar", 9L),
            // EventBridge (8.5-8.8 MB), with Secrets Manager (9.0-9.3 MB)
            Map.entry("stripe-adapter.jar", 9L), Map.entry("shopify-adapter.jar", 9L),
            Map.entry("member-view.jar", 10L), Map.entry("unsubscribe.jar", 10L),
            Map.entry("signed-webhook.jar", 10L), Map.entry("woocommerce-adapter.jar", 10L),
            // SES v2 (11.0 MB); S3 (the privacy desk's erasure 11.3 MB; the care functions' raw mail, mime4j 12.7-13.1)
            Map.entry("sender.jar", 12L), Map.entry("privacy-requests.jar", 12L), Map.entry("care-mail.jar", 14L),
            Map.entry("care-lists.jar", 14L));

    private static final String SERVICES = "software/amazon/awssdk/services/";
    private static final String LOG_PROVIDER = "dev.storecrm.platform.logging.JsonLogProvider";

    private final Template template = Template.ofProject("us-east-1");

    @Test
    void everyFunctionArtifactIsBuiltAndComplete() throws IOException {
        List<Template.Resource> functions = template.resourcesOfType("AWS::Serverless::Function");
        assertFalse(functions.isEmpty());
        for (Template.Resource function : functions) {
            Path jar = Template.projectRoot().resolve(String.valueOf(function.properties().get("CodeUri")));
            assertTrue(Files.isRegularFile(jar), function.logicalId() + ": " + jar + " was not built");
            String handler = String.valueOf(function.properties().get("Handler"));
            assertFalse(handler.contains("::"), function.logicalId() + "'s Handler names its class alone, so that "
                    + "Lambda's runtime calls it as a RequestStreamHandler (docs/benchmarks.md, \"Reading events\")");
            try (JarFile contents = new JarFile(jar.toFile())) {
                assertNotNull(contents.getEntry(handler.replace('.', '/') + ".class"), handler + " in " + jar);
                assertNotNull(contents.getEntry("org/slf4j/spi/SLF4JServiceProvider.class"),
                        "SLF4J 2 (1.7 finds no provider and logs nothing) in " + jar);
                var provider = contents.getEntry("META-INF/services/org.slf4j.spi.SLF4JServiceProvider");
                assertNotNull(provider, "an SLF4J provider in " + jar);
                assertEquals(LOG_PROVIDER, new String(contents.getInputStream(provider).readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8).strip(), "the JSON log provider alone in " + jar);
                assertNotNull(contents.getEntry(LOG_PROVIDER.replace('.', '/') + ".class"),
                        LOG_PROVIDER + " in " + jar);
                assertEquals(List.of(), contents.stream().map(java.util.jar.JarEntry::getName)
                        .filter(name -> name.startsWith("org/apache/logging/") || name.startsWith("io/burt/jmespath/")
                                || name.startsWith("com/fasterxml/")
                                || name.startsWith("org/joda/time/")).limit(3).toList(),
                        "no log4j, JMESPath (the old logging backend's), Jackson (the functions' JSON is "
                                + "dev.storecrm.domain.json.tree) or Joda-Time (the runtime's event serializer's, "
                                + "which the stream handlers skip) in " + jar);
                assertNotNull(contents.getEntry("dev/storecrm/platform/metrics/EmfMetrics.class"),
                        "our EMF writer in " + jar);
                assertEquals(List.of(), contents.stream().map(java.util.jar.JarEntry::getName)
                        .filter(name -> name.startsWith("software/amazon/cloudwatchlogs/")
                                || name.startsWith("software/amazon/lambda/powertools/metrics/")).limit(3).toList(),
                        "no EMF library or Powertools' metrics (Jackson-bound; our EMF writer instead) in " + jar);
                assertTrue(contents.stream().map(java.util.jar.JarEntry::getName)
                        .noneMatch(name -> name.startsWith("software/amazon/awssdk/http/apache/")
                                || name.startsWith("software/amazon/awssdk/http/nio/netty/")
                                || name.startsWith("io/netty/")), "no Apache or Netty HTTP client in " + jar);
                assertTrue(contents.stream().noneMatch(e -> e.getName().equals("storecrm-logging-test.properties")
                        || e.getName().startsWith("dev/storecrm/localcloud/")
                        || e.getName().startsWith("dev/storecrm/fixtures/")), "no local-cloud or test-fixture code in "
                        + jar);
            }
            long bound = JAR_MEGABYTES.getOrDefault(jar.getFileName().toString(), DEFAULT_JAR_MEGABYTES);
            assertTrue(Files.size(jar) <= bound * 1024 * 1024, jar + " is " + Files.size(jar) + " bytes, over "
                    + bound + " MB (docs/benchmarks.md, \"Lean jars\")");
        }
    }

    /**
     * Each jar holds only the SDK services its function's pom names (platform declares them optional):
     * the SES v2 model only in the sender's jar, no service but DynamoDB in a function that needs no other.
     */
    @Test
    void eachJarHoldsOnlyTheSdkServicesItsFunctionUses() throws IOException {
        Path functions = Template.projectRoot().resolve("functions");
        assertEquals(List.of("sender.jar"), jarsHolding(functions, "software/amazon/awssdk/services/sesv2/"));
        List<String> onlyDynamoDb = List.of("rfm", "ses-feedback", "sms-opt-out", "points-redemption");
        for (String module : onlyDynamoDb) {
            try (JarFile contents = new JarFile(functions.resolve(module + "/target/lambda/" + module + ".jar")
                    .toFile())) {
                assertEquals(List.of("dynamodb"), contents.stream().map(java.util.jar.JarEntry::getName)
                        .filter(name -> name.startsWith(SERVICES) && name.length() > SERVICES.length())
                        .map(name -> name.substring(SERVICES.length()).split("/")[0]).distinct().toList(),
                        module + "'s SDK services");
            }
        }
    }

    /**
     * No jar carries ICU4J: the lunar calendar is data ({@code lunar-months.csv}, generated from ICU4J, which is a
     * test dependency of the domain only).
     */
    @Test
    void noJarCarriesIcu4j() throws IOException {
        assertEquals(List.of(), jarsHolding(Template.projectRoot().resolve("functions"), "com/ibm/icu/"),
                "jars holding ICU4J");
    }

    private static List<String> jarsHolding(Path functions, String prefix) throws IOException {
        List<String> holding = new java.util.ArrayList<>();
        try (var files = Files.walk(functions, 4)) {
            for (Path jar : files.filter(f -> f.toString().endsWith(".jar"))
                    .filter(f -> f.getParent().endsWith(Path.of("target", "lambda"))).sorted().toList()) {
                try (JarFile contents = new JarFile(jar.toFile())) {
                    if (contents.stream().anyMatch(e -> e.getName().startsWith(prefix))) {
                        holding.add(jar.getFileName().toString());
                    }
                }
            }
        }
        return holding;
    }

    /**
     * The emulators are test tools: DynamoDB Local is under AWS's own licence (no redistribution,
     * no incorporation into one's programs), so it must never travel in what {@code sam deploy}
     * uploads; nor ElasticMQ, nor the native sqlite libraries DynamoDB Local brings.
     */
    @Test
    void noDeployableJarCarriesAnEmulator() throws IOException {
        List<String> emulatorPackages = List.of("com/amazonaws/services/dynamodbv2/", "com/amazon/dynamodb/grammar/",
                "ddb/partiql/", "com/almworks/sqlite4java/", "org/elasticmq/");
        List<Path> jars;
        try (var files = Files.walk(Template.projectRoot().resolve("functions"), 4)) {
            jars = files.filter(f -> f.toString().endsWith(".jar"))
                    .filter(f -> f.getParent().endsWith(Path.of("target", "lambda")))
                    .toList();
        }
        long artifacts = template.resourcesOfType("AWS::Serverless::Function").stream()
                .map(function -> String.valueOf(function.properties().get("CodeUri"))).distinct().count();
        assertTrue(jars.size() >= artifacts, "jars found: " + jars);
        for (Path jar : jars) {
            try (JarFile contents = new JarFile(jar.toFile())) {
                List<String> emulator = contents.stream().map(java.util.jar.JarEntry::getName)
                        .filter(name -> emulatorPackages.stream().anyMatch(name::startsWith)
                                || name.contains("sqlite4java"))
                        .limit(5).toList();
                assertTrue(emulator.isEmpty(), jar + " carries emulator code: " + emulator);
                var licence = contents.getEntry("LICENSE.txt");
                assertTrue(licence == null || !new String(contents.getInputStream(licence).readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8).contains("DynamoDB Local"),
                        jar + " carries DynamoDB Local's licence");
            }
        }
    }

    /**
     * The lunar calendar, run from the greetings' jar alone in a class loader of its own, finds its table and
     * the official dates (Spring Festival 2027 is one ICU4J alone puts a day late).
     */
    @Test
    void theLunarCalendarRunsFromADeployableJar() throws Exception {
        Path jar = Template.projectRoot().resolve("functions/greetings/target/lambda/greetings.jar");
        try (var loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> calendarClass = loader.loadClass("dev.storecrm.domain.time.LunarCalendar");
            Class<?> dateClass = loader.loadClass("dev.storecrm.domain.time.LunarDate");
            Object calendar = calendarClass.getMethod("standard").invoke(null);
            var occurrence = calendarClass.getMethod("occurrence", dateClass, int.class);
            var newDate = dateClass.getConstructor(int.class, int.class, boolean.class);
            assertEquals(java.time.LocalDate.of(2027, 2, 6),
                    occurrence.invoke(calendar, newDate.newInstance(1, 1, false), 2027), "Spring Festival 2027");
            assertEquals(java.time.LocalDate.of(2028, 7, 21),
                    occurrence.invoke(calendar, newDate.newInstance(5, 30, true), 2028), "闰五月三十 2028");
        }
    }

    /**
     * A customer's mail, as SES stores it (multipart, quoted parameters, an encoded Chinese subject), parses with the
     * care-mail jar alone in a class loader of its own. mime4j reaches commons-io while it parses a header's
     * parameters; the tests' class path always had commons-io (through the emulators), so only the jar shows it
     * (the cold-start benchmark found CareMailFunction failing on every such mail, 2026-12-06).
     */
    @Test
    void aCustomerMailParsesFromTheCareMailJar() throws Exception {
        String raw = String.join("\r\n", "Return-Path: <li.na@example.com>", "From: =?UTF-8?B?5p2O5aic?= "
                + "<li.na@example.com>", "To: care+t-8f3a@mail.example-store.com",
                "Subject: =?UTF-8?B?5oiR55qE6K6i5Y2V6L+Y5rKh5Yiw?=", "Message-ID: <CA+abc123@mail.example.com>",
                "In-Reply-To: <reply-1@mail.example-store.com>", "MIME-Version: 1.0",
                "Content-Type: multipart/alternative; boundary=\"000000000000b1c2d3\"", "",
                "--000000000000b1c2d3", "Content-Type: text/plain; charset=\"UTF-8\"; format=flowed",
                "Content-Transfer-Encoding: base64", "", "5oiR55qE6K6i5Y2VIFNPLTEwMDQg6L+Y5rKh5Yiw44CC", "",
                "--000000000000b1c2d3", "Content-Type: text/html; charset=UTF-8", "", "<div>SO-1004</div>",
                "--000000000000b1c2d3--", "");
        Path jar = Template.projectRoot().resolve("functions/care-mail/target/lambda/care-mail.jar");
        try (var loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> builderClass = loader.loadClass("org.apache.james.mime4j.message.DefaultMessageBuilder");
            Object builder = builderClass.getConstructor().newInstance();
            Object message = builderClass.getMethod("parseMessage", java.io.InputStream.class).invoke(builder,
                    new java.io.ByteArrayInputStream(raw.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            assertEquals("multipart/alternative", message.getClass().getMethod("getMimeType").invoke(message));
            assertEquals("我的订单还没到", message.getClass().getMethod("getSubject").invoke(message));
        }
    }

    /**
     * A function's jar alone, in a class loader of its own, logs through SLF4J one JSON line on standard output
     * with Powertools' fields and the line's own ({@code dev.storecrm.platform.logging}).
     */
    @Test
    void aDeployableJarLogsOneJsonLineToStandardOutput() throws Exception {
        Path jar = Template.projectRoot().resolve("functions/rfm/target/lambda/rfm.jar");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.out;
        String functionLog = System.clearProperty("storecrm.functionLog");
        try (var loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
            Object logger = loader.loadClass("org.slf4j.LoggerFactory").getMethod("getLogger", String.class)
                    .invoke(null, "dev.storecrm.rfm.RfmService");
            Object field = loader.loadClass("dev.storecrm.platform.logging.LogField")
                    .getMethod("entry", String.class, Object.class).invoke(null, "outcome", "APPLIED");
            loader.loadClass("org.slf4j.Logger").getMethod("info", String.class, Object.class)
                    .invoke(logger, "message processed", field);
        } finally {
            System.setOut(original);
            if (functionLog != null) {
                System.setProperty("storecrm.functionLog", functionLog);
            }
        }
        String line = out.toString(java.nio.charset.StandardCharsets.UTF_8).strip();
        assertTrue(line.matches("\\{\"level\":\"INFO\",\"message\":\"message processed\",\"timestamp\":"
                + "\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\",\"outcome\":\"APPLIED\"}"), line);
    }

    @Test
    void theSenderShipsEveryTemplateOfTheRepository() throws IOException {
        Path root = Template.projectRoot();
        List<Path> templateFiles;
        try (var files = Files.walk(root.resolve("templates"))) {
            templateFiles = files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().equals("sample.json"))
                    .toList();
        }
        assertFalse(templateFiles.isEmpty());
        try (JarFile sender = new JarFile(root.resolve("functions/sender/target/lambda/sender.jar").toFile())) {
            for (Path file : templateFiles) {
                String entry = "templates/" + root.resolve("templates").relativize(file).toString().replace('\\', '/');
                assertNotNull(sender.getEntry(entry), entry + " in sender.jar");
                assertTrue(java.util.Arrays.equals(Files.readAllBytes(file),
                        sender.getInputStream(sender.getEntry(entry)).readAllBytes()), entry + " is the reviewed file");
            }
        }
    }
}
