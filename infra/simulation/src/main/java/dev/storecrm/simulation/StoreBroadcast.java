package dev.storecrm.simulation;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storecrm.domain.broadcast.Broadcast;
import dev.storecrm.domain.broadcast.BroadcastJson;
import dev.storecrm.domain.campaign.Holdout;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.platform.dynamodb.Attributes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A marketer's broadcast in the middle of the run, through BroadcastsFunction's IAM-signed URL as a staff script
 * calls it: to the audience of the year's buyers ({@code bought-360d}), A/B with a coupon and the stack's holdout
 * ({@code HOLDOUT_PERCENT}, which the holdouts' invariant draws again), in a window from 10:00 to 20:00 local on
 * the next day. At the end it is judged on the send ledger: each member got
 * it at most once, none of the held out (drawn again from the key) and none without marketing consent when it
 * went; its status is {@code sent} and its counts add up.
 */
final class StoreBroadcast {

    static final String FUNCTION = "BroadcastsFunction";
    static final String CAMPAIGN = "sim-spring-news";
    static final String ONCE = "a broadcast reaches each member at most once, never held out, never without consent";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalFunctions functions;
    private final Instant at;
    private final String definition;
    private final Holdout holdout;
    private final List<String> answers = new ArrayList<>();

    StoreBroadcast(SimulationOptions options, LocalFunctions functions) {
        this.functions = functions;
        this.holdout = Holdout.percent(functions.spec(FUNCTION).environment().getOrDefault("HOLDOUT_PERCENT", "5"));
        LocalDate day = options.start().plusDays(Math.max(1, options.days() / 2));
        this.at = day.atTime(2, 0).toInstant(ZoneOffset.UTC);
        this.definition = """
                {"campaignId": "%s", "name": "Spring news", "audience": {"audience": "bought-360d"},
                 "variants": [{"name": "A", "share": 50, "content": {
                                 "zh-CN": {"headline": "春茶上新", "message": "明前龙井已到货。"},
                                 "en": {"headline": "Spring teas are in", "message": "First flush Longjing."}}},
                              {"name": "B", "share": 50, "content": {
                                 "zh-CN": {"headline": "春茶立减", "message": "下单立减。"},
                                 "en": {"headline": "Spring teas, 10 off", "message": "With this coupon."}}}],
                 "window": {"start": "%sT10:00", "end": "%sT20:00"},
                 "coupon": {"value": "10%%", "validDays": 7}}"""
                .formatted(CAMPAIGN, day.plusDays(1), day.plusDays(1));
    }

    /** The marketer's two calls: define, then start. */
    List<Planned> plan() {
        return List.of(new Planned.Call(at, FUNCTION, () -> call("POST", "/broadcasts", definition)),
                new Planned.Call(at.plusSeconds(60), FUNCTION,
                        () -> call("POST", "/broadcasts/" + CAMPAIGN + "/schedule", "")));
    }

    private int call(String method, String path, String body) {
        APIGatewayV2HTTPResponse response = functions.invokeSignedUrl(FUNCTION, method, path, "",
                Map.of("content-type", "application/json"), body);
        answers.add(method + " " + path + " " + response.getStatusCode());
        return 1;
    }

    /** Judges the campaign's ledger entries; returns the report. */
    String check(List<Map<String, AttributeValue>> ledger, GroundTruth truth, Invariants invariants) {
        invariants.list(ONCE);
        Broadcast broadcast = BroadcastJson.read(definition, holdout);
        String prefix = "BROADCAST#" + CAMPAIGN + "#";
        Map<String, Integer> sent = new HashMap<>();
        int heldOut = 0;
        int notSent = 0;
        for (Map<String, AttributeValue> entry : ledger) {
            String key = entry.get("businessKey").s();
            if (!key.startsWith(prefix)) {
                continue;
            }
            invariants.checked(ONCE);
            String customerId = key.substring(prefix.length());
            heldOut += "HELD_OUT".equals(Attributes.string(entry, "reason").orElse("")) ? 1 : 0;
            if (!"SENT".equals(entry.get("status").s())) {
                notSent += !"CLAIMED".equals(entry.get("status").s())
                        && !"HELD_OUT".equals(Attributes.string(entry, "reason").orElse("")) ? 1 : 0;
                continue;
            }
            sent.merge(customerId, 1, Integer::sum);
            Instant when = Instant.parse(entry.get("settledAt").s());
            if (broadcast.holdsOut(customerId)) {
                invariants.violation(ONCE, key + " went to " + customerId + ", held out of the broadcast");
            }
            if (!truth.member(customerId).consent.at(when).orElse(false)) {
                invariants.violation(ONCE, key + " went at " + when + " to " + customerId + " without consent");
            }
        }
        sent.forEach((member, times) -> {
            if (times > 1) {
                invariants.violation(ONCE, CAMPAIGN + " went " + times + " times to " + member);
            }
        });
        JsonNode view = view(functions, CAMPAIGN);
        JsonNode counts = view.path("counts");
        invariants.checked(ONCE);
        if (!"sent".equals(view.path("status").asText()) || counts.path("members").asLong() != counts
                .path("heldOut").asLong() + counts.path("notFound").asLong() + counts.path("queued").path("A")
                .asLong() + counts.path("queued").path("B").asLong()) {
            invariants.violation(ONCE, CAMPAIGN + " did not finish with counts that add up: " + view);
        }
        JsonNode delivery = view.path("delivery");
        long deliveryNotSent = 0;
        for (JsonNode reason : delivery.path("notSent")) {
            deliveryNotSent += reason.asLong();
        }
        invariants.checked(ONCE);
        if (delivery.path("sent").asLong() != sent.values().stream().mapToInt(Integer::intValue).sum()
                || delivery.path("heldOut").asLong() != heldOut || deliveryNotSent != notSent) {
            invariants.violation(ONCE, CAMPAIGN + "'s delivery counts differ from the ledger's (" + sent.size()
                    + " sent, " + notSent + " not sent, " + heldOut + " held out): " + delivery);
        }
        TextTable table = new TextTable("campaign", "status", "members", "held out", "queued A", "queued B",
                "sent", "recorded held out", "not sent");
        table.row(CAMPAIGN, view.path("status").asText(), counts.path("members").asLong(),
                counts.path("heldOut").asLong(), counts.path("queued").path("A").asLong(),
                counts.path("queued").path("B").asLong(), sent.size(), heldOut, notSent);
        return table.render() + "Not sent, why (the sender's delivery counts): " + delivery.path("notSent") + "\n"
                + "Calls: " + String.join(", ", answers) + "\n";
    }

    /** A broadcast's definition, status and counts, as a signed script reads them. */
    static JsonNode view(LocalFunctions functions, String campaignId) {
        APIGatewayV2HTTPResponse response = functions.invokeSignedUrl(FUNCTION, "GET", "/broadcasts/" + campaignId,
                "", Map.of(), null);
        try {
            return JSON.readTree(response.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
