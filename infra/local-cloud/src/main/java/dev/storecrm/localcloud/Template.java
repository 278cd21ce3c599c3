package dev.storecrm.localcloud;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The project's {@code template.yaml}, read the way CloudFormation and SAM would read it for a
 * local stack: parameters take their defaults (or overrides), conditions are evaluated, and
 * intrinsic functions resolve to local physical names and ARNs. The local cloud creates its
 * tables, queues, rules and functions from this, so there is one schema.
 *
 * <p>Local physical names are the logical ids (a table {@code MembersTable} is named
 * {@code MembersTable}); ARNs use the local region and account {@code 000000000000}.
 */
public final class Template {

    public static final String ACCOUNT_ID = "000000000000";
    public static final String STACK_NAME = "storecrm-local";
    /** The prefix of the system properties that set a parameter of the project's template ({@link #ofProject}). */
    public static final String PARAMETER_PROPERTY = "storecrm.parameter.";

    /** What the local cloud gives a parameter a deployment must set (one without a default): a sample store's. */
    static final Map<String, String> LOCAL_VALUES = Map.of("StorePostalAddress",
            "Sample Tea House, 88 Example Road, Xihu District, Hangzhou 310000, China");

    /** A resource of the template, with its properties still unresolved. */
    public record Resource(String logicalId, String type, Map<String, Object> properties) {}

    private final Path file;
    private final Map<String, Object> root;
    private final Map<String, Resource> resources = new LinkedHashMap<>();
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final String region;
    private final Intrinsics intrinsics;
    /** Until a local cloud names its queue URLs, a queue's URL is the one AWS would give it. */
    private UnaryOperator<String> queueUrls;

    private Template(Path file, String region, Map<String, String> parameterOverrides) {
        this.file = file;
        this.region = region;
        this.root = CloudFormationYaml.load(file);
        this.intrinsics = new Intrinsics(this, parameters, map(root.get("Conditions")));
        this.queueUrls = name -> "https://sqs." + region + ".amazonaws.com/" + ACCOUNT_ID + "/" + name;
        map(root.get("Parameters")).forEach((name, spec) -> {
            Object fallback = map(spec).getOrDefault("Default", LOCAL_VALUES.get(name));
            parameters.put(name, parameterOverrides.getOrDefault(name, fallback == null ? null : fallback.toString()));
        });
        parameterOverrides.keySet().stream().filter(name -> !parameters.containsKey(name)).findFirst()
                .ifPresent(name -> {
                    throw new IllegalArgumentException("template has no parameter " + name);
                });
        Map<String, Object> conditionsTrue = new LinkedHashMap<>();
        map(root.get("Resources")).forEach((id, body) -> {
            Map<String, Object> resource = map(body);
            Object condition = resource.get("Condition");
            if (condition != null && !intrinsics.condition(condition.toString(), conditionsTrue)) {
                return;
            }
            resources.put(id, new Resource(id, String.valueOf(resource.get("Type")), map(resource.get("Properties"))));
        });
    }

    /**
     * Loads {@code template.yaml} of the project this JVM runs in (the nearest one up from the working
     * directory), its parameters set as a deployment would set them: their defaults, or the value of a
     * system property {@code storecrm.parameter.<Name>} (a test JVM playing a store that connected
     * Shopify sets {@code storecrm.parameter.ShopifyPartnerEventSource}).
     */
    public static Template ofProject(String region) {
        return load(projectRoot().resolve("template.yaml"), region, parametersFromSystemProperties());
    }

    /** The {@code storecrm.parameter.<Name>} system properties, as parameter overrides. */
    static Map<String, String> parametersFromSystemProperties() {
        Map<String, String> overrides = new LinkedHashMap<>();
        System.getProperties().stringPropertyNames().stream().filter(p -> p.startsWith(PARAMETER_PROPERTY)).sorted()
                .forEach(p -> overrides.put(p.substring(PARAMETER_PROPERTY.length()), System.getProperty(p)));
        return overrides;
    }

    public static Template load(Path file, String region, Map<String, String> parameterOverrides) {
        return new Template(file, region, parameterOverrides);
    }

    /** The directory holding template.yaml, found from the working directory upwards. */
    public static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("template.yaml")) && Files.isDirectory(d.resolve("events"))) {
                return d;
            }
        }
        throw new IllegalStateException("no template.yaml found in " + dir + " or above");
    }

    public Path file() {
        return file;
    }

    public String region() {
        return region;
    }

    /** Tells the template how to name queue URLs (the emulator decides their host and port). */
    void useQueueUrls(UnaryOperator<String> queueUrlForName) {
        this.queueUrls = queueUrlForName;
    }

    public List<Resource> resourcesOfType(String type) {
        return resources.values().stream().filter(r -> r.type().equals(type)).toList();
    }

    public Resource resource(String logicalId) {
        Resource resource = resources.get(logicalId);
        if (resource == null) {
            throw new IllegalArgumentException("template.yaml has no resource " + logicalId);
        }
        return resource;
    }

    /** Whether the template has a resource of this logical id (after its conditions). */
    boolean has(String logicalId) {
        return resources.containsKey(logicalId);
    }

    /** The URL of a queue of the template: AWS's form until a local cloud names its queue URLs. */
    String queueUrl(String logicalId) {
        return queueUrls.apply(physicalName(logicalId));
    }

    public Map<String, Object> globals(String section) {
        return map(map(root.get("Globals")).get(section));
    }

    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    /** The local physical name: a table's or queue's name, a bus's name, a function's name. */
    public String physicalName(String logicalId) {
        Resource resource = resource(logicalId);
        Map<String, Object> p = resource.properties();
        return switch (resource.type()) {
            case "AWS::DynamoDB::Table" -> nameOr(p.get("TableName"), logicalId);
            case "AWS::SQS::Queue" -> nameOr(p.get("QueueName"),
                    Boolean.parseBoolean(String.valueOf(resolve(p.get("FifoQueue"))))
                            ? logicalId + ".fifo" : logicalId);
            case "AWS::Events::EventBus", "AWS::Events::Rule" -> nameOr(p.get("Name"), logicalId);
            case "AWS::S3::Bucket" -> nameOr(p.get("BucketName"), logicalId.toLowerCase(java.util.Locale.ROOT));
            case "AWS::SNS::Topic" -> nameOr(p.get("TopicName"), logicalId);
            case "AWS::Serverless::Function", "AWS::Lambda::Function" -> nameOr(p.get("FunctionName"), logicalId);
            default -> logicalId;
        };
    }

    public String arn(String logicalId) {
        Resource resource = resource(logicalId);
        String name = physicalName(logicalId);
        String prefix = ":" + region + ":" + ACCOUNT_ID + ":";
        return switch (resource.type()) {
            case "AWS::DynamoDB::Table" -> "arn:aws:dynamodb" + prefix + "table/" + name;
            case "AWS::SQS::Queue" -> "arn:aws:sqs" + prefix + name;
            case "AWS::Events::EventBus" -> "arn:aws:events" + prefix + "event-bus/" + name;
            case "AWS::Events::Rule" -> "arn:aws:events" + prefix + "rule/" + name;
            case "AWS::SNS::Topic" -> "arn:aws:sns" + prefix + name;
            case "AWS::Serverless::Function", "AWS::Lambda::Function" -> "arn:aws:lambda" + prefix + "function:" + name;
            case "AWS::SecretsManager::Secret" -> "arn:aws:secretsmanager" + prefix + "secret:" + name;
            case "AWS::SES::ConfigurationSet" -> "arn:aws:ses" + prefix + "configuration-set/" + name;
            case "AWS::CloudWatch::Alarm" -> "arn:aws:cloudwatch" + prefix + "alarm:" + name;
            case "AWS::S3::Bucket" -> "arn:aws:s3:::" + name;
            default -> "arn:aws:local" + prefix + resource.type() + "/" + name;
        };
    }

    /** The local URL of a function's function URL (SAM's {@code FunctionUrlConfig}). */
    public String functionUrl(String functionLogicalId) {
        resource(functionLogicalId);
        return "https://" + functionLogicalId.toLowerCase(java.util.Locale.ROOT) + ".lambda-url." + region + ".on.aws/";
    }

    /** The logical id of the resource with this ARN. */
    public String logicalIdOfArn(String arn) {
        return resources.keySet().stream().filter(id -> arn.equals(arn(id))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no resource of template.yaml has the ARN " + arn));
    }

    /** Resolves intrinsic functions in a value of the template. */
    public Object resolve(Object value) {
        Object resolved = intrinsics.resolveValue(value);
        return resolved == Intrinsics.NO_VALUE ? null : resolved;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> resolveMap(Object value) {
        Object resolved = resolve(value);
        return resolved == null ? Map.of() : (Map<String, Object>) resolved;
    }

    public String resolveString(Object value) {
        Object resolved = resolve(value);
        return resolved == null ? null : resolved.toString();
    }


    private String nameOr(Object property, String fallback) {
        return property == null ? fallback : intrinsics.resolveValue(property).toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
