package dev.storecrm.platform.adapter;

import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.localcloud.LocalCloud;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The adapters' integration tests look where a consumer would: what reached the consumers' queues
 * (the member archive's, cart recovery's, the disputes') and what the RejectsTable keeps.
 */
public final class AdapterCloud {

    private AdapterCloud() {}

    /** Takes every message waiting in a queue of the template, oldest first, as JSON. */
    public static List<JsonNode> take(LocalCloud cloud, String queueLogicalId) {
        String url = cloud.queueUrl(queueLogicalId);
        List<JsonNode> bodies = new ArrayList<>();
        while (true) {
            List<Message> messages = cloud.sqs().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                    .waitTimeSeconds(0)).messages();
            if (messages.isEmpty()) {
                return bodies;
            }
            for (Message message : messages) {
                bodies.add(AdapterFixtures.read(message.body()));
                cloud.sqs().deleteMessage(d -> d.queueUrl(url).receiptHandle(message.receiptHandle()));
            }
        }
    }

    /** The types of the events taken from a queue, in order. */
    public static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.path("type").asText()).toList();
    }

    /** The RejectsTable's items of one adapter (consumer), by rejection time. */
    public static List<Map<String, AttributeValue>> rejects(LocalCloud cloud, String consumer) {
        return cloud.dynamoDb().scan(s -> s.tableName(cloud.tableName("RejectsTable")).consistentRead(true)).items()
                .stream().filter(item -> item.get("consumer").s().equals(consumer))
                .sorted(Comparator.comparing(item -> item.get("rejectedAt").s())).toList();
    }
}
