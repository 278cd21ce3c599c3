package dev.storecrm.domain.dispute;

import dev.storecrm.domain.event.DisputeEvent.Reason;
import dev.storecrm.domain.json.Json;
import dev.storecrm.domain.json.tree.JsonNode;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

/**
 * The rule packs of every channel, by channel id, with a {@code default} pack for channels that
 * have none. Adding a marketplace is adding a file {@code dispute-rules/<channel>.json} (or an
 * override in the {@code DISPUTE_RULES} setting): no code changes.
 *
 * <pre>
 * {"channel": "aliexpress", "timeZone": "Asia/Shanghai", "reminders": ["PT72H", "PT24H", "PT4H"],
 *  "storeAtFault": ["not_received", "not_as_described"],
 *  "deadlines": [{"name": "platform-step-in", "label": {"en": "...", "zh-CN": "..."},
 *                 "while": ["awaiting_seller_confirmation", "negotiating"], "from": "opened", "onDay": 7,
 *                 "responsible": "agent", "escalate": true}, ...]}
 * </pre>
 * A pack that does not read is a start-up error naming the pack and the field, never a silent default.
 */
public final class RulePacks {

    /** The channel ids of the packs bundled with the functions ({@code dispute-rules/<id>.json}). */
    public static final List<String> BUNDLED = List.of("default", "store", "aliexpress", "tmall", "shopify", "stripe");
    public static final String DEFAULT = "default";


    private final Map<String, RulePack> packs;

    public RulePacks(Map<String, RulePack> packs) {
        if (!packs.containsKey(DEFAULT)) {
            throw new IllegalArgumentException("the rule packs need a default pack");
        }
        this.packs = Map.copyOf(packs);
    }

    /**
     * The bundled packs read by {@code files} (a path below the classpath, e.g.
     * {@code dispute-rules/aliexpress.json}), then the overrides (a JSON object of channel to pack,
     * possibly empty), then the store-wide reminders if given.
     */
    public static RulePacks load(Function<String, Optional<String>> files, String overrides,
                                 Optional<List<Duration>> reminders) {
        Map<String, RulePack> packs = new LinkedHashMap<>();
        for (String channel : BUNDLED) {
            String text = files.apply("dispute-rules/" + channel + ".json").orElseThrow(() ->
                    new IllegalStateException("rule pack dispute-rules/" + channel
                            + ".json is missing from the build"));
            packs.put(channel, parse(Json.setting(text, "dispute-rules/" + channel + ".json"), channel));
        }
        if (overrides != null && !overrides.isBlank()) {
            JsonNode root = Json.setting(overrides, "DISPUTE_RULES");
            for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
                String channel = names.next();
                packs.put(channel, parse(root.get(channel), channel));
            }
        }
        if (reminders.isPresent()) {
            packs.replaceAll((channel, pack) -> pack.withReminders(reminders.get()));
        }
        return new RulePacks(packs);
    }

    /** The pack of a channel, or the default pack. */
    public RulePack forChannel(String channel) {
        return packs.getOrDefault(channel, packs.get(DEFAULT));
    }

    public boolean hasOwnPack(String channel) {
        return packs.containsKey(channel);
    }

    /** {@code 72,24,4}: reminder offsets in hours, the store-wide setting. */
    public static Optional<List<Duration>> hours(String spec) {
        if (spec == null || spec.isBlank()) {
            return Optional.empty();
        }
        List<Duration> offsets = new ArrayList<>();
        for (String part : spec.split(",")) {
            try {
                offsets.add(Duration.ofMinutes(Math.round(Double.parseDouble(part.trim()) * 60)));
            } catch (NumberFormatException e) {
                throw new IllegalStateException("reminder hours look like 72,24,4, not " + spec, e);
            }
        }
        return Optional.of(offsets);
    }

    static RulePack parse(JsonNode pack, String channel) {
        String where = "rule pack " + channel;
        try {
            if (pack == null || !pack.isObject()) {
                throw new IllegalArgumentException("must be a JSON object");
            }
            Optional<ZoneId> zone = text(pack, "timeZone").map(ZoneId::of);
            List<Duration> reminders = durations(pack.get("reminders")).orElse(List.of());
            Set<Reason> atFault = EnumSet.noneOf(Reason.class);
            for (JsonNode reason : array(pack, "storeAtFault")) {
                atFault.add(Reason.valueOf(reason.asText()));
            }
            List<DeadlineRule> deadlines = new ArrayList<>();
            for (JsonNode rule : array(pack, "deadlines")) {
                deadlines.add(deadline(rule));
            }
            return new RulePack(channel, zone, reminders, atFault, deadlines);
        } catch (RuntimeException e) {
            throw new IllegalStateException(where + ": " + e.getMessage(), e);
        }
    }

    private static DeadlineRule deadline(JsonNode rule) {
        String name = text(rule, "name").orElseThrow(() -> new IllegalArgumentException("a deadline needs a name"));
        Map<String, String> label = new HashMap<>();
        JsonNode labels = rule.path("label");
        labels.fieldNames().forEachRemaining(locale -> label.put(locale, labels.get(locale).asText()));
        Set<DisputeStatus> whileIn = EnumSet.noneOf(DisputeStatus.class);
        for (JsonNode status : array(rule, "while")) {
            whileIn.add(DisputeStatus.fromWire(status.asText()).orElseThrow(() ->
                    new IllegalArgumentException("deadline " + name + ": unknown status " + status.asText())));
        }
        return new DeadlineRule(name, label, whileIn,
                DeadlineRule.Anchor.valueOf(text(rule, "from").orElse("status")),
                text(rule, "within").map(Duration::parse),
                rule.has("onDay") ? OptionalInt.of(rule.get("onDay").asInt()) : OptionalInt.empty(),
                DeadlineRule.Responsible.valueOf(text(rule, "responsible").orElse("agent")),
                durations(rule.get("reminders")), rule.path("escalate").asBoolean(true));
    }

    private static Optional<List<Duration>> durations(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        List<Duration> durations = new ArrayList<>();
        node.forEach(d -> durations.add(Duration.parse(d.asText())));
        return Optional.of(durations);
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    private static Iterable<JsonNode> array(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new IllegalArgumentException(field + " must be an array");
        }
        return value;
    }
}
