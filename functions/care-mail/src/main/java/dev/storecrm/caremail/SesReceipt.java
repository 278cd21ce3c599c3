package dev.storecrm.caremail;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.JsonProcessingException;
import dev.storecrm.domain.json.tree.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * SES's notification of a received mail, as its S3 action publishes it to the CareMailTopic (and the topic, with
 * raw message delivery, to the CareMailQueue; an SNS envelope is unwrapped too):
 * {@code notificationType} {@code Received}, {@code mail.messageId} (SES's id, the S3 object's name),
 * {@code mail.timestamp}, {@code mail.source}, {@code receipt.recipients}, {@code receipt.spamVerdict.status},
 * {@code receipt.virusVerdict.status} and {@code receipt.action} ({@code type} {@code S3}, {@code bucketName},
 * {@code objectKey}).
 */
record SesReceipt(String sesMessageId, Instant receivedAt, String source, List<String> recipients,
                  String spamVerdict, String virusVerdict, String bucket, String objectKey) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static boolean isReceipt(JsonNode node) {
        return node.has("notificationType") || node.path("Type").asText().equals("Notification");
    }

    static SesReceipt read(JsonNode node) {
        JsonNode root = node;
        if (node.path("Type").asText().equals("Notification")) {
            try {
                root = JSON.readTree(node.path("Message").asText());
            } catch (JsonProcessingException e) {
                throw invalid("the SNS envelope's Message is not JSON");
            }
        }
        if (!root.path("notificationType").asText().equals("Received")) {
            throw new InvalidInputException(RejectReason.NOT_FOR_THIS_CONSUMER, "notificationType "
                    + root.path("notificationType").asText("(none)") + " is not Received");
        }
        JsonNode mail = root.path("mail");
        JsonNode receipt = root.path("receipt");
        JsonNode action = receipt.path("action");
        if (!action.path("type").asText().equals("S3")) {
            throw invalid("receipt.action.type must be S3 (the raw message in the bucket), not "
                    + action.path("type").asText("(none)"));
        }
        List<String> recipients = new ArrayList<>();
        receipt.path("recipients").forEach(r -> recipients.add(r.asText()));
        try {
            return new SesReceipt(required(mail, "messageId"), Instant.parse(required(mail, "timestamp")),
                    mail.path("source").asText(""), recipients, receipt.path("spamVerdict").path("status").asText(""),
                    receipt.path("virusVerdict").path("status").asText(""), required(action, "bucketName"),
                    required(action, "objectKey"));
        } catch (DateTimeParseException e) {
            throw invalid("mail.timestamp must be an instant");
        }
    }

    private static String required(JsonNode node, String field) {
        String value = node.path(field).asText("");
        if (value.isBlank() || value.length() > 1024) {
            throw invalid(field + " is missing or longer than 1024 characters");
        }
        return value;
    }

    private static InvalidInputException invalid(String detail) {
        return new InvalidInputException(RejectReason.SCHEMA_VIOLATION, "SES receipt notification: " + detail);
    }
}
