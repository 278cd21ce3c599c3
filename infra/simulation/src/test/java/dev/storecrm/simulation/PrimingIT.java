package dev.storecrm.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.localcloud.FunctionSpec;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.Template;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * SnapStart priming, from what {@code sam deploy} ships: each function's handler is built from its
 * deployable jar alone, in a class loader of its own (so the jar holds every class its wiring needs,
 * the SDK services its pom names included), with its template environment pointed at the local cloud;
 * then its CRaC resource primes it as Lambda would before the snapshot. Priming must reach each client
 * and each handler that names a priming event, and write nothing: every table keeps its item count and
 * content (a hash of all items), one seeded item in each.
 */
class PrimingIT {

    // Scheduled runs: their clients are primed, not their service.
    private static final String HANDLERS_WITHOUT_EVENT = "GreetingsHandler TimerSweepHandler "
            + "WooCommerceReconciliationHandler FestivalCampaignsHandler";

    @Test
    void everyFunctionPrimesFromItsJarAloneAndWritesNothing() throws Exception {
        try (LocalCloud cloud = LocalCloud.start().provision()) {
            // The REST key an operator stores after deploying (the reconciliation's wiring reads it).
            cloud.secretsManager().putSecretValue(p -> p.secretId(cloud.template().physicalName("WooCommerceRestKey"))
                    .secretString("{\"consumerKey\": \"ck_priming\", \"consumerSecret\": \"cs_priming\"}"));
            seedEveryTable(cloud.dynamoDb());
            Map<String, String> before = tables(cloud.dynamoDb());
            String transport = SdkSystemSetting.SYNC_HTTP_SERVICE_IMPL.property();
            String loopback = System.clearProperty(transport); // the jar's own url-connection client, as on AWS
            try {
                List<FunctionSpec> specs = cloud.functions(Clock.systemUTC()).specs();
                assertFalse(specs.isEmpty());
                for (FunctionSpec spec : specs) {
                    prime(cloud, spec);
                }
            } finally {
                System.setProperty(transport, loopback);
            }
            assertEquals(before, tables(cloud.dynamoDb()), "priming wrote to a table");
        }
    }

    @SuppressWarnings("unchecked")
    private static void prime(LocalCloud cloud, FunctionSpec spec) throws Exception {
        Object codeUri = cloud.template().resource(spec.logicalId()).properties().get("CodeUri");
        Path jar = Template.projectRoot().resolve(String.valueOf(codeUri));
        String handlerClass = spec.handler().split("::")[0];
        Map<String, String> environment = new HashMap<>(spec.environment());
        environment.putAll(cloud.endpointEnvironment());
        // A template parameter without a default, which the reconciliation's wiring only checks.
        environment.merge("WOOCOMMERCE_STORE_URL", "https://shop.example.com",
                (set, example) -> set.isBlank() ? example : set);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader); // service loaders look there, as in Lambda
            // The jar's metrics read the function's environment, as they read the process's on Lambda (this
            // JVM's is not the function's): installed before the wiring takes them.
            Object metrics = loader.loadClass("dev.storecrm.platform.metrics.EmfMetrics").getMethod("of", Map.class)
                    .invoke(null, environment);
            loader.loadClass("dev.storecrm.platform.metrics.MetricsFactory")
                    .getMethod("setMetricsProvider", Supplier.class).invoke(null, (Supplier<Object>) () -> metrics);
            loader.loadClass(handlerClass).getConstructor(Map.class, Clock.class)
                    .newInstance(environment, Clock.systemUTC());
            PrintStream standard = System.out;
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            List<String> primed;
            try {
                primed = (List<String>) loader.loadClass("dev.storecrm.platform.priming.Priming")
                        .getMethod("primeNow").invoke(null);
            } finally {
                System.setOut(standard);
            }
            standard.print(printed.toString(StandardCharsets.UTF_8));
            assertEquals(List.of(), printed.toString(StandardCharsets.UTF_8).lines()
                    .filter(line -> line.contains("\"_aws\"")).toList(), spec.logicalId() + "'s priming wrote a "
                    + "metric (its synthetic event is not the store's traffic)");
            assertTrue(primed.contains("DynamoDB"), spec.logicalId() + " primed its DynamoDB client: " + primed);
            String simpleName = handlerClass.substring(handlerClass.lastIndexOf('.') + 1);
            assertEquals(!HANDLERS_WITHOUT_EVENT.contains(simpleName), primed.contains(handlerClass),
                    spec.logicalId() + " primed its handler with its event: " + primed);
        } finally {
            Thread.currentThread().setContextClassLoader(PrimingIT.class.getClassLoader());
        }
    }

    /** One item in every table, with only its key: priming must leave it as it is. */
    private static void seedEveryTable(DynamoDbClient dynamoDb) {
        for (String table : dynamoDb.listTables().tableNames()) {
            TableDescription description = dynamoDb.describeTable(d -> d.tableName(table)).table();
            Map<String, AttributeValue> item = new HashMap<>();
            for (KeySchemaElement key : description.keySchema()) {
                ScalarAttributeType type = description.attributeDefinitions().stream()
                        .filter(a -> a.attributeName().equals(key.attributeName())).findFirst().orElseThrow()
                        .attributeType();
                item.put(key.attributeName(), type == ScalarAttributeType.N ? AttributeValue.fromN("1")
                        : type == ScalarAttributeType.B
                                ? AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromUtf8String("seed"))
                                : AttributeValue.fromS("priming-seed"));
            }
            dynamoDb.putItem(p -> p.tableName(table).item(item));
        }
    }

    /** Each table's item count and a hash of its items, in a stable order. */
    private static Map<String, String> tables(DynamoDbClient dynamoDb) throws Exception {
        Map<String, String> state = new TreeMap<>();
        for (String table : dynamoDb.listTables().tableNames()) {
            List<String> items = dynamoDb.scanPaginator(s -> s.tableName(table)).items().stream()
                    .map(item -> new TreeMap<>(item).toString()).sorted().toList();
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", items).getBytes(StandardCharsets.UTF_8));
            state.put(table, items.size() + " items, " + HexFormat.of().formatHex(hash));
        }
        assertFalse(state.isEmpty());
        return state;
    }
}
