package dev.storecrm.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The local cloud holds exactly what template.yaml defines, and delivers events as its rules say. */
@ExtendWith(LocalCloudExtension.class)
class LocalCloudIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void reset(LocalCloud cloud) {
        cloud.reset();
    }

    @Test
    void everyTableOfTheTemplateExistsWithItsKeysAndTimeToLive(LocalCloud cloud) {
        List<Template.Resource> tables = cloud.template().resourcesOfType("AWS::DynamoDB::Table");
        assertEquals(tables.size(), cloud.dynamoDb().listTables().tableNames().size());
        TableDescription orders = cloud.dynamoDb().describeTable(d -> d.tableName("OrdersTable")).table();
        assertEquals(List.of("customerId", "orderId"),
                orders.keySchema().stream().map(k -> k.attributeName()).toList());
        assertEquals(TimeToLiveStatus.ENABLED, cloud.dynamoDb().describeTimeToLive(d -> d.tableName("RejectsTable"))
                .timeToLiveDescription().timeToLiveStatus());
    }

    @Test
    void everyQueueOfTheTemplateExistsWithItsRedrivePolicy(LocalCloud cloud) throws Exception {
        assertEquals(cloud.template().resourcesOfType("AWS::SQS::Queue").size(), cloud.queues().size());
        Map<QueueAttributeName, String> attributes = cloud.sqs().getQueueAttributes(g -> g
                .queueUrl(cloud.queueUrl("MemberArchiveQueue")).attributeNames(QueueAttributeName.ALL)).attributes();
        assertEquals("180", attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT));
        JsonNode redrive = JSON.readTree(attributes.get(QueueAttributeName.REDRIVE_POLICY));
        assertEquals(5, redrive.get("maxReceiveCount").asInt());
        assertTrue(redrive.get("deadLetterTargetArn").asText().endsWith(":MemberArchiveDeadLetterQueue"));
    }

    @Test
    void aPublishedEventArrivesOnItsConsumersQueueAsTheCanonicalEvent(LocalCloud cloud) throws Exception {
        String event = """
                {"id":"evt-1","type":"OrderCancelled","version":1,"occurredAt":"2026-11-01T10:00:00+08:00",
                 "body":{"orderId":"o-1","customerId":"c-1"}}""";
        List<String> delivered = cloud.eventBus().publish(event, "storefront", Instant.parse("2026-11-01T02:00:00Z"));
        assertEquals(List.of("MemberArchiveQueue"), delivered);
        String body = cloud.sqs().receiveMessage(r -> r.queueUrl(cloud.queueUrl("MemberArchiveQueue")))
                .messages().getFirst().body();
        assertEquals(JSON.readTree(event), JSON.readTree(body), "InputPath $.detail delivers the event itself");
    }

    @Test
    void aMessageThatKeepsFailingMovesToTheDeadLetterQueueAfterMaxReceiveCount(LocalCloud cloud) {
        String queue = cloud.queueUrl("MemberArchiveQueue");
        cloud.sqs().sendMessage(m -> m.queueUrl(queue).messageBody("poison"));
        for (int i = 0; i < 6; i++) {
            cloud.sqs().receiveMessage(r -> r.queueUrl(queue).visibilityTimeout(0));
        }
        assertEquals(0, cloud.queueDepth("MemberArchiveQueue"));
        assertEquals(1, cloud.queueDepth("MemberArchiveDeadLetterQueue"));
    }

    @Test
    void aTableLargerThanOneScanPageIsCountedAndReadWhole(LocalCloud cloud) {
        String padding = "x".repeat(1000);
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < 1500; i++) { // 1.5 MB of items: one Scan call returns 1 MB at most
            Map<String, AttributeValue> item = Map.of("customerId", AttributeValue.fromS("c-" + i),
                    "note", AttributeValue.fromS(padding));
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            if (batch.size() == 25) {
                List<WriteRequest> writes = List.copyOf(batch);
                cloud.dynamoDb().batchWriteItem(b -> b.requestItems(Map.of(cloud.tableName("MembersTable"), writes)));
                batch.clear();
            }
        }
        int onePage = cloud.dynamoDb().scan(s -> s.tableName(cloud.tableName("MembersTable")).select("COUNT")).count();
        assertTrue(onePage < 1500, "one Scan call stops at 1 MB: " + onePage);
        assertEquals(1500, TableScan.count(cloud, "MembersTable"));
        assertEquals(IntStream.range(0, 1500).mapToObj(i -> "c-" + i).sorted().toList(),
                TableScan.items(cloud, "MembersTable").map(item -> item.get("customerId").s()).sorted().toList());
    }
}
