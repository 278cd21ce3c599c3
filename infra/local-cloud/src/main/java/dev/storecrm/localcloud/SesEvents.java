package dev.storecrm.localcloud;

import dev.storecrm.domain.json.tree.ArrayNode;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The events SES publishes through the stack's configuration set for a message it accepted, as the local
 * AWS gateway hands them to the event bus: "Email Sent", then "Email Delivered", or, for the SES mailbox
 * simulator's addresses, "Email Bounced" ({@code bounce@simulator.amazonses.com}) and "Email Complaint
 * Received" ({@code complaint@simulator.amazonses.com}).
 */
final class SesEvents {

    static final String BOUNCE_ADDRESS = "bounce@simulator.amazonses.com";
    static final String COMPLAINT_ADDRESS = "complaint@simulator.amazonses.com";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SesEvents() {
    }

    /** Hands {@code events} what SES publishes for an accepted message, event by event, as EventBridge delivers. */
    static void publish(JsonNode request, String messageId, Instant now, String region, Consumer<JsonNode> events) {
        ObjectNode mail = JSON.createObjectNode();
        mail.put("timestamp", now.toString());
        mail.put("source", request.path("FromEmailAddress").asText());
        mail.put("messageId", messageId);
        ArrayNode destination = mail.putArray("destination");
        request.path("Destination").path("ToAddresses").forEach(destination::add);
        ObjectNode tags = mail.putObject("tags");
        request.path("EmailTags")
                .forEach(tag -> tags.putArray(tag.path("Name").asText()).add(tag.path("Value").asText()));
        String configurationSet = request.path("ConfigurationSetName").asText("");
        tags.putArray("ses:configuration-set").add(configurationSet);

        events.accept(event("Email Sent", "Send", mail, "send", JSON.createObjectNode(),
                configurationSet, now, region));
        for (JsonNode to : destination) {
            String address = to.asText();
            if (simulator(address, BOUNCE_ADDRESS)) {
                ObjectNode bounce = JSON.createObjectNode().put("bounceType", "Permanent")
                        .put("bounceSubType", "General").put("timestamp", now.toString())
                        .put("feedbackId", UUID.randomUUID().toString());
                bounce.putArray("bouncedRecipients").addObject().put("emailAddress", address).put("action", "failed")
                        .put("status", "5.1.1").put("diagnosticCode", "smtp; 550 5.1.1 user unknown");
                events.accept(event("Email Bounced", "Bounce", mail, "bounce", bounce, configurationSet, now, region));
                continue;
            }
            ObjectNode delivery = JSON.createObjectNode().put("timestamp", now.toString())
                    .put("processingTimeMillis", 500).put("smtpResponse", "250 2.6.0 Message received");
            delivery.putArray("recipients").add(address);
            events.accept(event("Email Delivered", "Delivery", mail, "delivery", delivery, configurationSet, now,
                    region));
            if (simulator(address, COMPLAINT_ADDRESS)) {
                ObjectNode complaint = JSON.createObjectNode().put("timestamp", now.toString())
                        .put("feedbackId", UUID.randomUUID().toString()).put("complaintFeedbackType", "abuse");
                complaint.putArray("complainedRecipients").addObject().put("emailAddress", address);
                events.accept(event("Email Complaint Received", "Complaint", mail, "complaint", complaint,
                        configurationSet, now, region));
            }
        }
    }

    private static ObjectNode event(String detailType, String eventType, ObjectNode mail, String field,
                                    ObjectNode content, String configurationSet, Instant time, String region) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", detailType);
        event.put("source", "aws.ses");
        event.put("account", Template.ACCOUNT_ID);
        event.put("time", time.toString());
        event.put("region", region);
        event.putArray("resources").add("arn:aws:ses:" + region + ":" + Template.ACCOUNT_ID + ":configuration-set/"
                + configurationSet);
        ObjectNode detail = event.putObject("detail");
        detail.put("eventType", eventType);
        detail.set("mail", mail);
        detail.set(field, content);
        return event;
    }

    /**
     * A mailbox simulator address, with or without a label ({@code bounce+c-17@simulator.amazonses.com}), as SES
     * accepts.
     */
    static boolean simulator(String address, String simulatorAddress) {
        String lower = address.toLowerCase(java.util.Locale.ROOT);
        String local = simulatorAddress.substring(0, simulatorAddress.indexOf('@'));
        String domain = simulatorAddress.substring(simulatorAddress.indexOf('@'));
        return lower.endsWith(domain) && (lower.equals(simulatorAddress) || lower.startsWith(local + "+"));
    }
}
