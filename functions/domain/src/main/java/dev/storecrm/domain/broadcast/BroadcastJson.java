package dev.storecrm.domain.broadcast;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.campaign.Holdout;
import dev.storecrm.domain.coupon.CouponValue;
import dev.storecrm.domain.json.Json;
import dev.storecrm.domain.json.JsonFields;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.domain.messaging.MarketingKind;
import dev.storecrm.domain.rfm.RfmChange;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A broadcast's definition as JSON, the way a marketer posts it and the BroadcastsTable keeps it:
 *
 * <pre>
 * {"campaignId": "spring-teas-2027", "name": "Spring teas",
 *  "audience": {"segment": "champions"} | {"audience": "bought-360d"} | {"members": ["c-1", "c-2"]},
 *  "variants": [{"name": "A", "template": "broadcast", "share": 50,
 *                "content": {"en": {"headline": "...", "message": "...", "link": "https://..."}, "zh-CN": {...}}}],
 *  "window": {"start": "2027-03-10T10:00", "end": "2027-03-10T20:00"},
 *  "coupon": {"value": "CNY:1000", "validDays": 14},
 *  "holdoutPercent": "5", "capPriority": "greeting"}
 * </pre>
 * {@code capPriority} (optional) is the marketing kind of {@code MarketingPriorities} whose priority the
 * broadcast's messages take a member's cap slot with; without it, the {@code broadcast} kind's.
 * Every error names the field and the rule ({@link JsonFields}), never a value.
 */
public final class BroadcastJson {

    public static final Pattern CAMPAIGN_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    /** The bundled template (templates/broadcast): headline, message, an optional link and linkText, the coupon. */
    public static final String TEMPLATE_NAME = "broadcast";
    static final int MAX_VARIANTS = 5;
    static final int MAX_VARIABLES = 10;
    static final int MAX_TEXT = 2_000;
    /** The largest definition: it is kept whole in one DynamoDB item (at most 400 KB). */
    static final int MAX_BYTES = 200 * 1024;
    private static final Pattern GROUP = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern TEMPLATE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern LOCALE = Pattern.compile("[a-z]{2}(-[A-Z]{2})?");
    private static final Pattern VARIABLE = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,31}");
    /** Variables the sender or the broadcast fill in themselves. */
    private static final Set<String> RESERVED = Set.of("coupon", "recipient", "store", "unsubscribe", "campaign");
    private static final ObjectMapper JSON = new ObjectMapper();

    private BroadcastJson() {}

    /**
     * A definition from a request body or a stored item; a clear {@link InvalidInputException} if it is not one.
     * Without {@code holdoutPercent} the store's holdout applies.
     */
    public static Broadcast read(String body, Holdout storeHoldout) {
        if (body != null && body.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw JsonFields.violation("broadcast", "is at most " + MAX_BYTES / 1024 + " KB of JSON");
        }
        JsonFields root = JsonFields.object(Json.input(body), "").allowOnly(Set.of("campaignId", "name", "audience",
                "variants", "window", "coupon", "holdoutPercent", "capPriority"));
        try {
            return new Broadcast(root.matching("campaignId", CAMPAIGN_ID, "1 to 64 of a-z 0-9 -"),
                    root.optionalString("name", 200).orElse(""), audience(root.object("audience")),
                    variants(root), window(root.object("window")), coupon(root), holdout(root, storeHoldout),
                    MarketingKind.read(root, "capPriority"));
        } catch (IllegalArgumentException invalid) {
            throw new InvalidInputException(RejectReason.SCHEMA_VIOLATION, invalid.getMessage());
        }
    }

    /** The definition as {@link #read} takes it. */
    public static String write(Broadcast broadcast) {
        ObjectNode root = JSON.createObjectNode().put("campaignId", broadcast.campaignId());
        if (!broadcast.name().isEmpty()) {
            root.put("name", broadcast.name());
        }
        ObjectNode audience = root.putObject("audience");
        switch (broadcast.audience()) {
            case BroadcastAudience.Group group -> audience.put(group.group().kind() == RfmChange.Kind.SEGMENT
                    ? "segment" : "audience", group.group().name());
            case BroadcastAudience.Members members -> members.customerIds().forEach(audience.putArray("members")::add);
        }
        var variants = root.putArray("variants");
        for (Broadcast.Variant variant : broadcast.variants()) {
            ObjectNode v = variants.addObject().put("name", variant.name()).put("template", variant.templateId())
                    .put("share", variant.share());
            ObjectNode content = v.putObject("content");
            variant.content().forEach((locale, values) -> values.forEach(content.with(locale)::put));
        }
        root.putObject("window").put("start", broadcast.window().start().toString())
                .put("end", broadcast.window().end().toString());
        broadcast.coupon().ifPresent(offer -> root.putObject("coupon").put("value", offer.value().wire())
                .put("validDays", offer.validDays()));
        root.put("holdoutPercent", broadcast.holdout().describe());
        broadcast.capPriority().ifPresent(kind -> root.put("capPriority", kind.spelling()));
        return root.toString();
    }

    private static BroadcastAudience audience(JsonFields audience) {
        audience.allowOnly(Set.of("segment", "audience", "members"));
        if (audience.has("members")) {
            JsonNode ids = audience.raw("members");
            if (ids.isArray() && ids.size() > BroadcastAudience.MAX_MEMBERS) {
                throw JsonFields.violation(audience.path("members"), "names at most " + BroadcastAudience.MAX_MEMBERS
                        + " members (" + ids.size() + " given): use a segment or an audience for more");
            }
            return new BroadcastAudience.Members(audience.strings("members", JsonFields.IDENTIFIER,
                    "a customer id", BroadcastAudience.MAX_MEMBERS));
        }
        for (RfmChange.Kind kind : RfmChange.Kind.values()) {
            String field = kind == RfmChange.Kind.SEGMENT ? "segment" : "audience";
            if (audience.has(field)) {
                return new BroadcastAudience.Group(new RfmChange.Group(kind, audience.matching(field, GROUP,
                        "a segment or audience name such as champions or bought-360d")));
            }
        }
        throw JsonFields.violation(audience.path(""), "must name a segment, an audience or members");
    }

    private static List<Broadcast.Variant> variants(JsonFields root) {
        List<Broadcast.Variant> variants = new ArrayList<>();
        for (JsonFields v : root.objects("variants", 1, MAX_VARIANTS)) {
            v.allowOnly(Set.of("name", "template", "share", "content"));
            String template = v.optionalMatching("template", TEMPLATE, "a template name").orElse(TEMPLATE_NAME);
            Map<String, Map<String, String>> content = content(v.object("content"));
            if (template.equals(TEMPLATE_NAME)) {
                content.forEach((locale, variables) -> List.of("headline", "message").forEach(name -> {
                    if (!variables.containsKey(name)) {
                        throw JsonFields.violation(v.path("content." + locale + "." + name), "is needed by the "
                                + TEMPLATE_NAME + " template");
                    }
                }));
            }
            variants.add(new Broadcast.Variant(v.matching("name", Pattern.compile("[A-Za-z0-9_-]{1,16}"),
                    "1 to 16 of A-Z a-z 0-9 _ -"), template, (int) v.integer("share", 1, 100), content));
        }
        return variants;
    }

    private static Map<String, Map<String, String>> content(JsonFields content) {
        Map<String, Map<String, String>> locales = new LinkedHashMap<>();
        for (Iterator<String> names = content.rawFieldNames(); names.hasNext(); ) {
            String locale = names.next();
            if (!LOCALE.matcher(locale).matches()) {
                throw JsonFields.violation(content.path(locale), "is not a locale such as en or zh-CN");
            }
            JsonFields values = content.object(locale);
            Map<String, String> variables = new LinkedHashMap<>();
            for (Iterator<String> keys = values.rawFieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (!VARIABLE.matcher(key).matches() || RESERVED.contains(key)) {
                    throw JsonFields.violation(values.path(key), "is not a variable a broadcast may set (a-z A-Z"
                            + " 0-9 _, not one of " + new java.util.TreeSet<>(RESERVED) + ")");
                }
                variables.put(key, values.string(key, MAX_TEXT));
            }
            if (variables.size() > MAX_VARIABLES) {
                throw JsonFields.violation(content.path(locale), "has at most " + MAX_VARIABLES + " variables");
            }
            locales.put(locale, variables);
        }
        if (locales.isEmpty()) {
            throw JsonFields.violation(content.path(""), "needs the content of at least one locale");
        }
        return locales;
    }

    private static Broadcast.Window window(JsonFields window) {
        window.allowOnly(Set.of("start", "end"));
        return new Broadcast.Window(local(window, "start"), local(window, "end"));
    }

    private static LocalDateTime local(JsonFields window, String name) {
        String text = window.string(name, 32);
        try {
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw JsonFields.violation(window.path(name), "must be a local date-time such as 2027-03-10T10:00"
                    + " (no offset: it is read in each member's time zone)");
        }
    }

    private static Optional<Broadcast.Offer> coupon(JsonFields root) {
        return root.optionalObject("coupon").map(c -> {
            c.allowOnly(Set.of("value", "validDays"));
            CouponValue value;
            try {
                value = CouponValue.parse(c.string("value", 40));
            } catch (IllegalArgumentException e) {
                throw JsonFields.violation(c.path("value"), "must be a coupon value such as CNY:1000 or 10%");
            }
            return new Broadcast.Offer(value, (int) c.integer("validDays", 1, 365));
        });
    }

    private static Holdout holdout(JsonFields root, Holdout storeHoldout) {
        JsonNode percent = root.raw("holdoutPercent");
        return percent == null || percent.isNull() ? storeHoldout : Holdout.percent(percent.asText());
    }
}
