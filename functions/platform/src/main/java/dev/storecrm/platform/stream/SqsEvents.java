package dev.storecrm.platform.stream;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.storecrm.domain.json.tree.ArrayNode;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * An SQS event source mapping's batch ({@code {"Records": [...]}}, each record with {@code eventSourceARN})
 * and the partial-batch answer ({@code {"batchItemFailures": [{"itemIdentifier": ...}]}}).
 */
public final class SqsEvents {

    private SqsEvents() {
    }

    public static SQSEvent read(InputStream input) throws IOException {
        SQSEvent event = new SQSEvent();
        event.setRecords(LambdaJson.list(LambdaJson.read(input), "Records", SqsEvents::message));
        return event;
    }

    public static void write(SQSBatchResponse response, OutputStream output) throws IOException {
        ObjectNode node = LambdaJson.MAPPER.createObjectNode();
        List<SQSBatchResponse.BatchItemFailure> failures = response == null ? null : response.getBatchItemFailures();
        if (failures != null) {
            ArrayNode array = node.putArray("batchItemFailures");
            failures.forEach(f -> array.addObject().put("itemIdentifier", f.getItemIdentifier()));
        }
        LambdaJson.write(node, output);
    }

    private static SQSEvent.SQSMessage message(JsonNode node) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(LambdaJson.text(node, "messageId"));
        message.setReceiptHandle(LambdaJson.text(node, "receiptHandle"));
        message.setBody(LambdaJson.text(node, "body"));
        message.setMd5OfBody(LambdaJson.text(node, "md5OfBody"));
        message.setMd5OfMessageAttributes(LambdaJson.text(node, "md5OfMessageAttributes"));
        message.setEventSourceArn(LambdaJson.text(node, "eventSourceARN"));
        message.setEventSource(LambdaJson.text(node, "eventSource"));
        message.setAwsRegion(LambdaJson.text(node, "awsRegion"));
        message.setAttributes(LambdaJson.strings(node, "attributes"));
        message.setMessageAttributes(LambdaJson.map(node, "messageAttributes", SqsEvents::attribute));
        return message;
    }

    private static SQSEvent.MessageAttribute attribute(JsonNode node) {
        SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
        attribute.setStringValue(LambdaJson.text(node, "stringValue"));
        JsonNode binary = LambdaJson.field(node, "binaryValue");
        attribute.setBinaryValue(binary == null ? null : LambdaJson.binary(binary));
        attribute.setStringListValues(LambdaJson.texts(node, "stringListValues"));
        attribute.setBinaryListValues(LambdaJson.list(node, "binaryListValues", LambdaJson::binary));
        attribute.setDataType(LambdaJson.text(node, "dataType"));
        return attribute;
    }
}
