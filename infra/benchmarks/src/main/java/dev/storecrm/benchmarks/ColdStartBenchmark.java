package dev.storecrm.benchmarks;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.localcloud.FunctionSpec;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.localcloud.Template;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;

/**
 * {@code ./dev bench coldstart}: each function's cold start as Lambda makes it, against a yardstick
 * measured in the same run, on the last event each function handled successfully in a short
 * simulated store ({@link ColdStartEvents}). For each
 * function, a fresh JVM runs Lambda's own runtime client ({@code AWSLambda}) on the deployable jar,
 * with the function's environment from template.yaml pointed at the local cloud and the template's
 * {@code JAVA_TOOL_OPTIONS}: it builds the handler, asks the Runtime API ({@link RuntimeApi}) for
 * work, gets that event and answers. The time from starting the JVM to the answer is the cold start;
 * the ask ends the init. The baseline ({@link ColdStartBaseline}: one DynamoDB client, one
 * {@code GetItem}) runs the same way, before and after the functions. A replayed event was handled
 * once already, so its function takes the path of a re-delivered event: the clients are built, the
 * event parsed and the tables read, as on any first request, but some writes are skipped.
 */
final class ColdStartBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUNTIME = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    /** What one JVM runs: a handler on a class path, with an environment, at a memory size. */
    record Subject(String name, String handler, List<Path> classpath, Map<String, String> environment, int memory,
                   String event, Optional<Path> jar) {}

    private ColdStartBenchmark() {}

    static void run(Options options) {
        int runs = options.integer("runs", 5);
        int members = options.integer("members", 60);
        int days = options.integer("days", 14);
        Set<String> only = new TreeSet<>(Arrays.asList(options.values().getOrDefault("functions", "").split(",")));
        only.remove("");
        Path work = Template.projectRoot().resolve("infra/benchmarks/target/bench/coldstart");
        ColdStartEvents.connectPlatforms();
        try (LocalCloud cloud = LocalCloud.start().provision()) {
            System.out.printf("Cold-start benchmark: %d runs each; events from a simulated store of %d members over "
                    + "%d days, ending today%n", runs, members, days);
            Map<String, LocalFunctions.Invocation> events = ColdStartEvents.capture(cloud, members, days, work);
            LocalFunctions functions = cloud.functions(Clock.systemUTC());
            ColdStartRuns measure = new ColdStartRuns(runs, work);
            Subject baseline = baseline(cloud, functions.specs().getFirst(), ColdStartBaseline.class);
            Subject streamBaseline = baseline(cloud, functions.specs().getFirst(), ColdStartStreamBaseline.class);
            List<ColdStartRuns.Result> baselines = new ArrayList<>(List.of(measure.of(baseline)));
            List<ColdStartRuns.Result> streamBaselines = new ArrayList<>(List.of(measure.of(streamBaseline)));
            List<ColdStartRuns.Result> results = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (FunctionSpec spec : functions.specs()) {
                if (!only.isEmpty() && !only.contains(spec.logicalId())) {
                    continue;
                }
                LocalFunctions.Invocation invocation = events.get(spec.logicalId());
                if (invocation == null) {
                    missing.add(spec.logicalId() + " (" + ColdStartEvents.NOT_REACHED.getOrDefault(spec.logicalId(),
                            "no successful invocation") + ")");
                    continue;
                }
                System.out.printf("  %s ...%n", spec.logicalId());
                results.add(measure.of(subject(cloud, spec, json(invocation.event()))));
            }
            baselines.add(measure.of(baseline));
            streamBaselines.add(measure.of(streamBaseline));
            ColdStartReport.print(System.out, baselines, streamBaselines, results, missing);
        }
    }

    private static Subject subject(LocalCloud cloud, FunctionSpec spec, String event) {
        Template template = cloud.template();
        Map<String, Object> properties = template.resource(spec.logicalId()).properties();
        Path jar = Template.projectRoot().resolve(String.valueOf(properties.get("CodeUri")));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is not built: run ./dev package first");
        }
        Object memory = properties.getOrDefault("MemorySize", template.globals("Function").get("MemorySize"));
        List<Path> classpath = new ArrayList<>(List.of(jar));
        classpath.addAll(runtimeJars());
        Map<String, String> environment = new LinkedHashMap<>(spec.environment());
        environment.putAll(lambdaEnvironment(cloud, spec.logicalId()));
        return new Subject(spec.logicalId(), spec.handler(), classpath, environment,
                Integer.parseInt(String.valueOf(template.resolve(memory))), event, Optional.of(jar));
    }

    /** A yardstick, at the Globals' memory, with the functions' JVM options ({@code JAVA_TOOL_OPTIONS}). */
    private static Subject baseline(LocalCloud cloud, FunctionSpec any, Class<?> handler) {
        Template template = cloud.template();
        List<Path> classpath = new ArrayList<>(sdkJarsForDynamoDb());
        classpath.add(Path.of(handler.getProtectionDomain().getCodeSource().getLocation().getPath()));
        classpath.addAll(runtimeJars());
        Map<String, String> environment = new LinkedHashMap<>();
        Optional.ofNullable(any.environment().get("JAVA_TOOL_OPTIONS"))
                .ifPresent(options -> environment.put("JAVA_TOOL_OPTIONS", options));
        environment.putAll(lambdaEnvironment(cloud, "Baseline"));
        environment.put("TABLE", cloud.tableName("MembersTable"));
        Object memory = template.resolve(template.globals("Function").get("MemorySize"));
        boolean stream = handler == ColdStartStreamBaseline.class;
        return new Subject(stream ? "baseline, stream handler" : "baseline (one client, one GetItem)",
                handler.getName(), classpath, environment, Integer.parseInt(String.valueOf(memory)), "{}",
                Optional.empty());
    }

    private static Map<String, String> lambdaEnvironment(LocalCloud cloud, String name) {
        Map<String, String> environment = new LinkedHashMap<>(cloud.endpointEnvironment());
        environment.put("AWS_REGION", cloud.template().region());
        environment.put("AWS_DEFAULT_REGION", cloud.template().region());
        environment.put("AWS_ACCESS_KEY_ID", LocalCloud.ACCESS_KEY);
        environment.put("AWS_SECRET_ACCESS_KEY", LocalCloud.SECRET_KEY);
        environment.put("AWS_LAMBDA_FUNCTION_NAME", name);
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        environment.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        return environment;
    }

    /** What Lambda's Java runtime puts beside a function: its runtime client, and what that needs. */
    private static List<Path> runtimeJars() {
        return classpathJars(name -> name.contains("aws-lambda-java-runtime-interface-client")
                || name.contains("aws-lambda-java-serialization") || name.contains("aws-lambda-java-core")
                || name.contains("/utils-lite/"));
    }

    /** The SDK as the baseline needs it: the core modules, DynamoDB's client, the url-connection client. */
    private static List<Path> sdkJarsForDynamoDb() {
        return classpathJars(name -> (name.contains("/software/amazon/awssdk/") && !name.contains("apache")
                && !name.contains("netty") && (!isServiceClient(name) || name.contains("/dynamodb/")))
                || name.contains("/org/reactivestreams/") || name.contains("/org/slf4j/slf4j-api/"));
    }

    private static boolean isServiceClient(String jar) {
        try (JarFile contents = new JarFile(jar)) {
            return contents.stream().anyMatch(e -> e.getName().startsWith("software/amazon/awssdk/services/"));
        } catch (IOException e) {
            throw new UncheckedIOException(jar, e);
        }
    }

    private static List<Path> classpathJars(java.util.function.Predicate<String> wanted) {
        return Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> entry.endsWith(".jar")).filter(wanted).map(Path::of).toList();
    }

    /** The event as Lambda writes it: the runtime's own serializers for its event types, JSON for a map. */
    @SuppressWarnings("unchecked")
    static String json(Object event) {
        if (event instanceof Map<?, ?>) {
            return JSON.writeValueAsString(event);
        }
        PojoSerializer<Object> serializer = LambdaEventSerializers.serializerFor((Class<Object>) event.getClass(),
                ColdStartBenchmark.class.getClassLoader());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(event, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    static String runtimeMainClass() {
        return RUNTIME;
    }
}
