package dev.storecrm.localcloud;

import dev.storecrm.domain.json.tree.ObjectMapper;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates the template's DynamoDB tables (keys, GSIs, LSIs, streams, TTL) and SQS queues
 * (attributes, dead-letter redrive) in the emulators. A table or queue property it does not
 * understand stops provisioning with its name, so the local schema can never silently drift
 * from the deployed one. Encryption, backups and tags have no local meaning and are skipped.
 */
final class Provisioner {

    private static final Set<String> TABLE_PROPERTIES_WITHOUT_LOCAL_MEANING = Set.of(
            "PointInTimeRecoverySpecification", "SSESpecification", "Tags", "DeletionProtectionEnabled",
            "ContributorInsightsSpecification", "TableClass", "ResourcePolicy", "WarmThroughput");
    private static final Set<String> TABLE_PROPERTIES = Set.of("TableName", "BillingMode", "AttributeDefinitions",
            "KeySchema", "GlobalSecondaryIndexes", "LocalSecondaryIndexes", "StreamSpecification",
            "TimeToLiveSpecification", "ProvisionedThroughput");
    private static final Map<String, QueueAttributeName> QUEUE_ATTRIBUTES = Map.of(
            "VisibilityTimeout", QueueAttributeName.VISIBILITY_TIMEOUT,
            "MessageRetentionPeriod", QueueAttributeName.MESSAGE_RETENTION_PERIOD,
            "DelaySeconds", QueueAttributeName.DELAY_SECONDS,
            "MaximumMessageSize", QueueAttributeName.MAXIMUM_MESSAGE_SIZE,
            "ReceiveMessageWaitTimeSeconds", QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS,
            "FifoQueue", QueueAttributeName.FIFO_QUEUE,
            "ContentBasedDeduplication", QueueAttributeName.CONTENT_BASED_DEDUPLICATION);
    private static final Set<String> QUEUE_PROPERTIES_WITHOUT_LOCAL_MEANING = Set.of(
            "SqsManagedSseEnabled", "KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds", "Tags", "QueueName",
            "DeduplicationScope", "FifoThroughputLimit", "RedriveAllowPolicy");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Template template;

    Provisioner(Template template) {
        this.template = template;
    }

    /** The CreateTable requests for every table of the template, plus the TTL attribute of each (or null). */
    record TableSpec(String logicalId, CreateTableRequest create, String ttlAttribute) {}

    List<TableSpec> tables() {
        List<TableSpec> specs = new ArrayList<>();
        for (Template.Resource resource : template.resourcesOfType("AWS::DynamoDB::Table")) {
            Map<String, Object> p = template.resolveMap(resource.properties());
            for (String property : p.keySet()) {
                boolean understood = TABLE_PROPERTIES.contains(property)
                        || TABLE_PROPERTIES_WITHOUT_LOCAL_MEANING.contains(property);
                if (!understood) {
                    throw new IllegalStateException("table " + resource.logicalId() + ": property " + property
                            + " is not understood by the local cloud (extend Provisioner)");
                }
            }
            CreateTableRequest.Builder create = CreateTableRequest.builder()
                    .tableName(template.physicalName(resource.logicalId()))
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(list(p.get("AttributeDefinitions")).stream()
                            .map(a -> AttributeDefinition.builder()
                                    .attributeName(str(a, "AttributeName"))
                                    .attributeType(ScalarAttributeType.fromValue(str(a, "AttributeType"))).build())
                            .toList())
                    .keySchema(keySchema(p.get("KeySchema")));
            List<Map<String, Object>> gsis = list(p.get("GlobalSecondaryIndexes"));
            if (!gsis.isEmpty()) {
                create.globalSecondaryIndexes(gsis.stream().map(g -> GlobalSecondaryIndex.builder()
                        .indexName(str(g, "IndexName"))
                        .keySchema(keySchema(g.get("KeySchema")))
                        .projection(projection(g.get("Projection"))).build()).toList());
            }
            List<Map<String, Object>> lsis = list(p.get("LocalSecondaryIndexes"));
            if (!lsis.isEmpty()) {
                create.localSecondaryIndexes(lsis.stream().map(g -> LocalSecondaryIndex.builder()
                        .indexName(str(g, "IndexName"))
                        .keySchema(keySchema(g.get("KeySchema")))
                        .projection(projection(g.get("Projection"))).build()).toList());
            }
            Map<String, Object> stream = Template.map(p.get("StreamSpecification"));
            if (!stream.isEmpty()) {
                create.streamSpecification(StreamSpecification.builder().streamEnabled(true)
                        .streamViewType(StreamViewType.fromValue(str(stream, "StreamViewType"))).build());
            }
            Map<String, Object> ttl = Template.map(p.get("TimeToLiveSpecification"));
            boolean ttlEnabled = Boolean.parseBoolean(String.valueOf(ttl.get("Enabled")));
            String ttlAttribute = ttlEnabled ? str(ttl, "AttributeName") : null;
            specs.add(new TableSpec(resource.logicalId(), create.build(), ttlAttribute));
        }
        return specs;
    }

    void createTables(DynamoDbClient dynamoDb) {
        tables().forEach(spec -> create(dynamoDb, spec));
    }

    void createTable(DynamoDbClient dynamoDb, String logicalId) {
        create(dynamoDb, tables().stream().filter(t -> t.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("template.yaml has no table " + logicalId)));
    }

    private static void create(DynamoDbClient dynamoDb, TableSpec spec) {
        dynamoDb.createTable(spec.create());
        if (spec.ttlAttribute() != null) {
            dynamoDb.updateTimeToLive(ttl -> ttl.tableName(spec.create().tableName())
                    .timeToLiveSpecification(s -> s.enabled(true).attributeName(spec.ttlAttribute())));
        }
    }

    /** Creates every queue, then sets the redrive policies (a dead-letter queue must exist first). */
    Map<String, String> createQueues(SqsClient sqs) {
        Map<String, String> urls = new HashMap<>();
        Map<String, String> redrives = new HashMap<>();
        for (Template.Resource resource : template.resourcesOfType("AWS::SQS::Queue")) {
            Map<String, Object> p = template.resolveMap(resource.properties());
            Map<QueueAttributeName, String> attributes = new HashMap<>();
            p.forEach((property, value) -> {
                if (QUEUE_ATTRIBUTES.containsKey(property)) {
                    attributes.put(QUEUE_ATTRIBUTES.get(property), String.valueOf(value));
                } else if (property.equals("RedrivePolicy")) {
                    redrives.put(resource.logicalId(), toJson(value));
                } else if (!QUEUE_PROPERTIES_WITHOUT_LOCAL_MEANING.contains(property)) {
                    throw new IllegalStateException("queue " + resource.logicalId() + ": property " + property
                            + " is not understood by the local cloud (extend Provisioner)");
                }
            });
            String name = template.physicalName(resource.logicalId());
            urls.put(resource.logicalId(), sqs.createQueue(c -> c.queueName(name).attributes(attributes)).queueUrl());
        }
        redrives.forEach((logicalId, policy) -> sqs.setQueueAttributes(s -> s.queueUrl(urls.get(logicalId))
                .attributes(Map.of(QueueAttributeName.REDRIVE_POLICY, policy))));
        return urls;
    }

    /**
     * Creates the template's Secrets Manager secrets: a {@code SecretString} as given, a
     * {@code GenerateSecretString} as a fresh random value of the requested length, as CloudFormation does.
     */
    void createSecrets(SecretsManagerClient secrets) {
        for (Template.Resource resource : template.resourcesOfType("AWS::SecretsManager::Secret")) {
            Map<String, Object> p = template.resolveMap(resource.properties());
            String value;
            if (p.containsKey("SecretString")) {
                value = String.valueOf(p.get("SecretString"));
            } else {
                Map<String, Object> generate = Template.map(p.get("GenerateSecretString"));
                int length = Integer.parseInt(String.valueOf(generate.getOrDefault("PasswordLength", 32)));
                value = randomAlphanumeric(length);
            }
            String name = template.physicalName(resource.logicalId());
            secrets.createSecret(c -> c.name(name).secretString(value));
        }
    }

    /**
     * Verifies the sender's identity and creates the configuration sets, so that sending works as in a
     * set-up account.
     */
    /** Each bucket of the template, by a path-style {@code PUT /bucket} (the local S3's and LocalStack's). */
    void createBuckets(java.net.URI s3) {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (Template.Resource resource : template.resourcesOfType("AWS::S3::Bucket")) {
            java.net.URI bucket = s3.resolve("/" + template.physicalName(resource.logicalId()));
            try {
                int status = http.send(java.net.http.HttpRequest.newBuilder(bucket)
                        .PUT(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != 200 && status != 409) {
                    throw new IllegalStateException("S3 answered " + status + " to creating " + bucket);
                }
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException("cannot create the bucket " + bucket, e);
            }
        }
    }

    void createSesResources(SesV2Client ses) {
        template.parameter("SenderAddress").ifPresent(address ->
                ses.createEmailIdentity(c -> c.emailIdentity(address.substring(address.indexOf('@') + 1))));
        for (Template.Resource resource : template.resourcesOfType("AWS::SES::ConfigurationSet")) {
            ses.createConfigurationSet(c -> c.configurationSetName(template.physicalName(resource.logicalId())));
        }
    }

    private static String randomAlphanumeric(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder value = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            value.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return value.toString();
    }

    private static List<KeySchemaElement> keySchema(Object value) {
        return list(value).stream().map(k -> KeySchemaElement.builder()
                .attributeName(str(k, "AttributeName"))
                .keyType(KeyType.fromValue(str(k, "KeyType"))).build()).toList();
    }

    private static Projection projection(Object value) {
        Map<String, Object> p = Template.map(value);
        Projection.Builder projection = Projection.builder()
                .projectionType(ProjectionType.fromValue(String.valueOf(p.getOrDefault("ProjectionType", "ALL"))));
        if (p.containsKey("NonKeyAttributes")) {
            projection.nonKeyAttributes(((List<?>) p.get("NonKeyAttributes")).stream().map(String::valueOf).toList());
        }
        return projection.build();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    private static String str(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            throw new IllegalStateException("template.yaml: " + key + " is required here");
        }
        return value.toString();
    }

    private static String toJson(Object value) {
        try {
            Map<String, Object> policy = new HashMap<>(Template.map(value));
            policy.computeIfPresent("maxReceiveCount", (k, v) -> Integer.valueOf(v.toString()));
            return JSON.writeValueAsString(policy);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write a redrive policy", e);
        }
    }
}
