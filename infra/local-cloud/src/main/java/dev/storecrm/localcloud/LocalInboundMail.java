package dev.storecrm.localcloud;

import dev.storecrm.domain.json.tree.ArrayNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SES email receiving, as the template defines it: a raw MIME message delivered to an address goes through the
 * template's {@code AWS::SES::ReceiptRule} that lists it (a plus-addressed {@code care+token@} matches the rule's
 * {@code care@}); its S3 action stores the message under the rule's prefix, named by SES's message id, and
 * publishes the receipt notification (SES's format: {@code notificationType}, {@code receipt} with the spam and
 * virus verdicts and the action, {@code mail}) to the rule's topic, which delivers it to every SQS queue
 * subscribed ({@code RawMessageDelivery}: the notification itself; else the SNS envelope). The resource policies
 * are enforced as AWS would: SES may write only where the bucket policy lets {@code ses.amazonaws.com}
 * {@code s3:PutObject}, publish only to a topic whose policy lets it, and the topic may deliver only to a queue
 * whose policy lets {@code sns.amazonaws.com} {@code sqs:SendMessage}; a missing grant fails the delivery, naming it.
 */
public final class LocalInboundMail {

    /** SES's verdicts on a received mail ({@code PASS}, {@code FAIL}, {@code GRAY}, {@code PROCESSING_FAILED}). */
    public record Verdicts(String spam, String virus) {
        public static final Verdicts PASS = new Verdicts("PASS", "PASS");
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HEADER = Pattern.compile("(?im)^(From|Subject|Message-ID|Return-Path):[ \\t]*(.*)$");

    private final LocalCloud cloud;
    private final Template template;
    private final HttpClient http = HttpClient.newHttpClient();

    public LocalInboundMail(LocalCloud cloud) {
        this.cloud = cloud;
        this.template = cloud.template();
    }

    /** Delivers a mail as SES would; returns SES's message id (the S3 object's name). */
    public String deliver(byte[] raw, String recipient, Instant at) {
        return deliver(raw, recipient, at, Verdicts.PASS);
    }

    public String deliver(byte[] raw, String recipient, Instant at, Verdicts verdicts) {
        Map<String, Object> action = s3Action(recipient);
        String bucket = template.resolveString(action.get("BucketName"));
        String key = String.valueOf(template.resolve(action.getOrDefault("ObjectKeyPrefix", ""))) + sesMessageId();
        String topic = template.resolveString(action.get("TopicArn"));
        require("AWS::S3::BucketPolicy", "ses.amazonaws.com", "s3:PutObject", "arn:aws:s3:::" + bucket + "/" + key);
        require("AWS::SNS::TopicPolicy", "ses.amazonaws.com", "sns:Publish", topic);
        put(bucket, key, raw);
        String notification = notification(raw, recipient, at, verdicts, bucket, key, topic);
        int delivered = 0;
        for (Template.Resource subscription : template.resourcesOfType("AWS::SNS::Subscription")) {
            Map<String, Object> p = template.resolveMap(subscription.properties());
            if (!topic.equals(p.get("TopicArn")) || !"sqs".equals(p.get("Protocol"))) {
                continue;
            }
            String queueArn = String.valueOf(p.get("Endpoint"));
            require("AWS::SQS::QueuePolicy", "sns.amazonaws.com", "sqs:SendMessage", queueArn);
            boolean rawDelivery = Boolean.parseBoolean(String.valueOf(p.get("RawMessageDelivery")));
            String body = rawDelivery ? notification : envelope(notification, topic);
            cloud.sqs().sendMessage(m -> m.queueUrl(cloud.queueUrl(template.logicalIdOfArn(queueArn)))
                    .messageBody(body));
            delivered++;
        }
        if (delivered == 0) {
            throw new IllegalStateException("no SQS queue is subscribed to " + topic + " in template.yaml");
        }
        return key.substring(key.lastIndexOf('/') + 1);
    }

    /** The S3 action of the receipt rule that takes mail for the recipient. */
    private Map<String, Object> s3Action(String recipient) {
        String address = recipient.toLowerCase(Locale.ROOT).replaceFirst("\\+[^@]*@", "@");
        for (Template.Resource rule : template.resourcesOfType("AWS::SES::ReceiptRule")) {
            Map<String, Object> spec = Template.map(template.resolveMap(rule.properties()).get("Rule"));
            List<?> recipients = (List<?>) spec.getOrDefault("Recipients", List.of());
            boolean takes = recipients.stream().map(r -> String.valueOf(r).toLowerCase(Locale.ROOT))
                    .anyMatch(r -> r.equals(address) || address.endsWith("@" + r) || address.endsWith("." + r));
            if (takes && Boolean.parseBoolean(String.valueOf(spec.getOrDefault("Enabled", "false")))) {
                for (Object action : (List<?>) spec.getOrDefault("Actions", List.of())) {
                    Map<String, Object> s3 = Template.map(Template.map(action).get("S3Action"));
                    if (!s3.isEmpty()) {
                        return s3;
                    }
                }
            }
        }
        throw new IllegalArgumentException("no enabled receipt rule of template.yaml with an S3 action takes mail for "
                + recipient);
    }

    /** Fails unless a resource policy of the type lets the service do the action on the resource. */
    private void require(String policyType, String service, String action, String resource) {
        for (Template.Resource policy : template.resourcesOfType(policyType)) {
            Map<String, Object> document = Template.map(template.resolveMap(policy.properties()).get("PolicyDocument"));
            for (Object statement : (List<?>) document.getOrDefault("Statement", List.of())) {
                Map<String, Object> s = Template.map(statement);
                boolean allowed = "Allow".equals(s.get("Effect"))
                        && service.equals(Template.map(s.get("Principal")).get("Service"))
                        && list(s.get("Action")).contains(action)
                        && list(s.get("Resource")).stream().anyMatch(r -> glob(r).matcher(resource).matches());
                if (allowed) {
                    return;
                }
            }
        }
        throw new IllegalStateException(service + " may not " + action + " on " + resource
                + ": no " + policyType + " of template.yaml allows it");
    }

    private static List<String> list(Object value) {
        return value instanceof List<?> values ? values.stream().map(String::valueOf).toList()
                : List.of(String.valueOf(value));
    }

    private static Pattern glob(String pattern) {
        return Pattern.compile(Pattern.quote(pattern).replace("*", "\\E.*\\Q"));
    }

    private void put(String bucket, String key, byte[] raw) {
        URI uri = URI.create(cloud.endpointEnvironment().get("AWS_ENDPOINT_URL_S3") + "/" + bucket + "/" + key);
        try {
            int status = http.send(HttpRequest.newBuilder(uri).PUT(HttpRequest.BodyPublishers.ofByteArray(raw))
                    .header("Content-Type", "message/rfc822").build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            if (status != 200) {
                throw new IllegalStateException("S3 answered " + status + " to storing " + uri);
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("cannot store the received mail at " + uri, e);
        }
    }

    private String notification(byte[] raw, String recipient, Instant at, Verdicts verdicts, String bucket,
                                String key, String topic) {
        String head = new String(raw, 0, Math.min(raw.length, 64 * 1024), StandardCharsets.ISO_8859_1)
                .split("\r?\n\r?\n", 2)[0].replaceAll("\r?\n[ \t]+", " ");
        ObjectNode root = JSON.createObjectNode();
        root.put("notificationType", "Received");
        ObjectNode receipt = root.putObject("receipt");
        receipt.put("timestamp", at.toString());
        receipt.put("processingTimeMillis", 250);
        receipt.putArray("recipients").add(recipient);
        receipt.putObject("spamVerdict").put("status", verdicts.spam());
        receipt.putObject("virusVerdict").put("status", verdicts.virus());
        receipt.putObject("spfVerdict").put("status", "PASS");
        receipt.putObject("dkimVerdict").put("status", "PASS");
        receipt.putObject("dmarcVerdict").put("status", "PASS");
        ObjectNode s3 = receipt.putObject("action");
        s3.put("type", "S3");
        s3.put("topicArn", topic);
        s3.put("bucketName", bucket);
        s3.put("objectKeyPrefix", key.substring(0, key.lastIndexOf('/') + 1));
        s3.put("objectKey", key);
        ObjectNode mail = root.putObject("mail");
        mail.put("timestamp", at.toString());
        mail.put("messageId", key.substring(key.lastIndexOf('/') + 1));
        mail.putArray("destination").add(recipient);
        mail.put("headersTruncated", false);
        ArrayNode headers = mail.putArray("headers");
        List<String> from = new ArrayList<>();
        Matcher header = HEADER.matcher(head);
        while (header.find()) {
            headers.addObject().put("name", header.group(1)).put("value", header.group(2).strip());
            if (header.group(1).equalsIgnoreCase("Return-Path")) {
                from.add(header.group(2).replaceAll("[<>\\s]", ""));
            }
        }
        mail.put("source", from.isEmpty() ? "" : from.getFirst());
        return root.toString();
    }

    private static String envelope(String message, String topic) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("Type", "Notification");
        envelope.put("MessageId", UUID.randomUUID().toString());
        envelope.put("TopicArn", topic);
        envelope.put("Message", message);
        return envelope.toString();
    }

    private static String sesMessageId() {
        return UUID.randomUUID().toString().replace("-", "") + Long.toString(System.nanoTime() & 0xffffff, 36);
    }
}
