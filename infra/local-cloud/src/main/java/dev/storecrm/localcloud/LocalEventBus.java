package dev.storecrm.localcloud;

import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.event.ruler.Machine;

/**
 * The template's EventBridge bus and rules, played locally: a published event is wrapped in the
 * EventBridge envelope, every enabled rule of the bus whose {@code EventPattern} matches sends it
 * to its SQS targets, with {@code InputPath} applied as EventBridge would. Patterns are matched by
 * Event Ruler, the library EventBridge itself matches with (array-consistent JSON matching), so a
 * rule routes here exactly as on AWS; a pattern it refuses fails the start with the rule's name.
 */
public final class LocalEventBus {

    /** One rule of the template: its bus, its pattern (JSON), and the queues it targets. */
    public record Rule(String logicalId, String busName, String pattern, List<Target> targets) {}

    /** A rule target: the queue's logical id and the {@code InputPath} ({@code null} for the whole event). */
    public record Target(String queueLogicalId, String inputPath) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BATCH_BYTES = 256 * 1024;

    private final Template template;
    private final SqsClient sqs;
    private final Map<String, String> queueUrls;
    private final List<Rule> rules;
    /** One matcher per bus, holding that bus's rules by logical id. */
    private final Map<String, Machine> matchers = new HashMap<>();

    LocalEventBus(Template template, SqsClient sqs, Map<String, String> queueUrls) {
        this.template = template;
        this.sqs = sqs;
        this.queueUrls = queueUrls;
        this.rules = rules(template);
        for (Rule rule : rules) {
            try {
                Machine machine = matchers.computeIfAbsent(rule.busName(), bus -> new Machine());
                machine.addRule(rule.logicalId(), rule.pattern());
            } catch (IOException | RuntimeException refused) {
                throw new IllegalStateException("rule " + rule.logicalId()
                        + ": EventBridge would refuse its EventPattern " + rule.pattern() + ": " + refused.getMessage(),
                        refused);
            }
        }
    }

    /** The rules of the template that match events (schedule rules are not routing rules). */
    public static List<Rule> rules(Template template) {
        List<Rule> rules = new ArrayList<>();
        for (Template.Resource resource : template.resourcesOfType("AWS::Events::Rule")) {
            Map<String, Object> p = template.resolveMap(resource.properties());
            if (!p.containsKey("EventPattern") || "DISABLED".equals(p.get("State"))) {
                continue;
            }
            List<Target> targets = new ArrayList<>();
            for (Object t : (List<?>) p.getOrDefault("Targets", List.of())) {
                Map<String, Object> target = Template.map(t);
                String arn = String.valueOf(target.get("Arn"));
                if (!arn.startsWith("arn:aws:sqs:")) {
                    throw new IllegalStateException("rule " + resource.logicalId()
                            + ": the local event bus delivers to SQS targets only, not " + arn);
                }
                if (target.containsKey("InputTransformer") || target.containsKey("Input")) {
                    throw new IllegalStateException("rule " + resource.logicalId()
                            + ": Input and InputTransformer are not supported locally; use InputPath");
                }
                targets.add(new Target(template.logicalIdOfArn(arn), (String) target.get("InputPath")));
            }
            rules.add(new Rule(resource.logicalId(), String.valueOf(p.getOrDefault("EventBusName", "default")),
                    JSON.valueToTree(p.get("EventPattern")).toString(), targets));
        }
        return rules;
    }

    /** The store's event bus: the template's one custom bus. */
    public String storeBusName() {
        List<Template.Resource> buses = template.resourcesOfType("AWS::Events::EventBus");
        if (buses.size() != 1) {
            throw new IllegalStateException("expected one custom event bus in template.yaml, found " + buses.size());
        }
        return template.physicalName(buses.getFirst().logicalId());
    }

    /**
     * Publishes a sample of the repository's {@code events/} ({@code disputes/dispute-opened.json}),
     * changed first by {@code edit} (another id, another time), as {@link #publish(String, String, Instant)}.
     */
    public List<String> publishSample(String path, java.util.function.Consumer<ObjectNode> edit, String source,
                                      Instant time) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(java.nio.file.Files.readString(
                    Template.projectRoot().resolve("events").resolve(path)));
            edit.accept(event);
            return publish(event.toString(), source, time);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read events/" + path, e);
        }
    }

    /**
     * Publishes a canonical event as a producer would ({@code PutEvents} on the store bus with
     * detail-type = the event's type) and returns the logical ids of the queues it was delivered to.
     */
    public List<String> publish(String canonicalEventJson, String source, Instant time) {
        return publishAll(List.of(canonicalEventJson), source, time).getFirst();
    }

    /** Publishes a complete EventBridge event on a bus ({@code default} for AWS services' events such as SES's). */
    public List<String> publish(JsonNode envelope, String busName) {
        return publishAll(List.of(envelope), busName).getFirst();
    }

    /**
     * Publishes canonical events that happen at the same time, as {@link #publish(String, String, Instant)}
     * does one by one, and returns the queues each was delivered to. Each queue receives its events
     * in order, in {@code SendMessageBatch} calls of up to ten: fewer calls, the same messages.
     */
    public List<List<String>> publishAll(List<String> canonicalEventJsons, String source, Instant time) {
        List<JsonNode> envelopes = new ArrayList<>();
        for (String json : canonicalEventJsons) {
            JsonNode detail;
            try {
                detail = JSON.readTree(json);
            } catch (Exception e) {
                throw new IllegalArgumentException(
                        "PutEvents needs a JSON detail; send malformed messages to a queue directly", e);
            }
            envelopes.add(envelope(detail, source, time));
        }
        return publishAll(envelopes, storeBusName());
    }

    /** Wraps a canonical event in the EventBridge envelope on the store bus. */
    public ObjectNode envelope(JsonNode detail, String source, Instant time) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", detail.path("type").asText("unknown"));
        event.put("source", source);
        event.put("account", Template.ACCOUNT_ID);
        event.put("time", time.toString());
        event.put("region", template.region());
        event.putArray("resources");
        event.set("detail", detail);
        return event;
    }

    /** The queues (logical ids) an EventBridge event on the store bus is delivered to. */
    public List<String> route(JsonNode envelope) {
        return route(envelope, storeBusName());
    }

    /** The queues (logical ids) an EventBridge event on the named bus is delivered to. */
    public List<String> route(JsonNode envelope, String bus) {
        List<String> queues = new ArrayList<>();
        for (Rule rule : matching(envelope, bus)) {
            rule.targets().forEach(t -> queues.add(t.queueLogicalId()));
        }
        return queues;
    }

    /** The rules of the bus whose pattern matches the event, in the template's order. */
    private List<Rule> matching(JsonNode envelope, String bus) {
        Machine matcher = matchers.get(bus);
        if (matcher == null) {
            return List.of();
        }
        Set<String> matched;
        try {
            matched = new HashSet<>(matcher.rulesForJSONEvent(envelope.toString()));
        } catch (Exception e) {
            throw new IllegalArgumentException("Event Ruler could not read the event: " + e.getMessage(), e);
        }
        return rules.stream().filter(rule -> rule.busName().equals(bus) && matched.contains(rule.logicalId())).toList();
    }

    private List<List<String>> publishAll(List<JsonNode> envelopes, String bus) {
        List<List<String>> delivered = new ArrayList<>();
        Map<String, List<String>> bodiesByQueue = new LinkedHashMap<>();
        for (JsonNode envelope : envelopes) {
            List<String> queues = new ArrayList<>();
            for (Rule rule : matching(envelope, bus)) {
                for (Target target : rule.targets()) {
                    JsonNode input = target.inputPath() == null ? envelope : select(envelope, target.inputPath());
                    bodiesByQueue.computeIfAbsent(target.queueLogicalId(), q -> new ArrayList<>())
                            .add(input.toString());
                    queues.add(target.queueLogicalId());
                }
            }
            delivered.add(queues);
        }
        bodiesByQueue.forEach(this::send);
        return delivered;
    }

    /** Sends bodies to a queue in order, in batches within SQS's limits (10 messages, 256 KiB). */
    private void send(String queueLogicalId, List<String> bodies) {
        String url = queueUrls.get(queueLogicalId);
        List<SendMessageBatchRequestEntry> batch = new ArrayList<>();
        int batchBytes = 0;
        for (String body : bodies) {
            int bytes = body.getBytes(StandardCharsets.UTF_8).length;
            if (!batch.isEmpty() && (batch.size() == 10 || batchBytes + bytes > MAX_BATCH_BYTES)) {
                sendBatch(url, batch);
                batch = new ArrayList<>();
                batchBytes = 0;
            }
            String id = Integer.toString(batch.size());
            batch.add(SendMessageBatchRequestEntry.builder().id(id).messageBody(body).build());
            batchBytes += bytes;
        }
        if (!batch.isEmpty()) {
            sendBatch(url, batch);
        }
    }

    private void sendBatch(String url, List<SendMessageBatchRequestEntry> entries) {
        var response = sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entries));
        if (response.hasFailed() && !response.failed().isEmpty()) {
            throw new IllegalStateException("the local bus could not deliver to " + url + ": " + response.failed());
        }
    }

    private static JsonNode select(JsonNode envelope, String inputPath) {
        if (inputPath.equals("$")) {
            return envelope;
        }
        if (!inputPath.startsWith("$.")) {
            throw new IllegalStateException("InputPath " + inputPath + " is not supported locally");
        }
        JsonNode node = envelope;
        for (String part : inputPath.substring(2).split("\\.")) {
            node = node.path(part);
        }
        return node;
    }
}
