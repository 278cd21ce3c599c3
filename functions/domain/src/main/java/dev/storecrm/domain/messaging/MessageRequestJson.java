package dev.storecrm.domain.messaging;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.event.Stamp;
import dev.storecrm.domain.json.JsonFields;
import dev.storecrm.domain.json.tree.ArrayNode;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.JsonProcessingException;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The outbox message format: a message request as JSON, version 1.
 *
 * <pre>
 * {"v":1, "businessKey":"BIRTHDAY#c-1001#2026", "journey":"birthday", "category":"marketing", "priority":"normal",
 *  "recipient":{"customerId":"c-1001"}   or   {"email":"...", "name":"...", "locale":"en", "timeZone":"Europe/Berlin"}
 *      or a guest {"email":"...", "locale":"en", "timeZone":"...", "guestCart":"cart-1", "consentAt":"...Z"}
 *      or a customer who may not be a member {"customerId":"c-1001", "contact":{"email":"...", "name":"...", ...}},
 *  "template":"birthday-greeting", "data":{...}, "notBefore":"...Z", "notAfter":"...Z", "exit":{"noOrderSince":"...Z"},
 *  (or "exit":{"anyOf":[{"noOrderSince":"...Z"},
 *                       {"cartClosedOrChanged":{"cartId":"cart-1","armedFor":"&lt;stamp&gt;"}}]})
 *  "requestedAt":"...Z", "deferrals":0, "heldOut":true (only for a recipient in the journey's holdout group),
 *  "capPriority":"greeting" (only for a request that takes a cap slot with another kind's priority than its own)}
 * </pre>
 */
public final class MessageRequestJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TEMPLATE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern JOURNEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    private MessageRequestJson() {}

    public static String write(MessageRequest request) {
        ObjectNode root = JSON.createObjectNode();
        root.put("v", 1);
        root.put("businessKey", request.businessKey());
        root.put("journey", request.journey());
        root.put("category", request.category().name());
        root.put("priority", request.priority().name());
        ObjectNode recipient = root.putObject("recipient");
        switch (request.recipient()) {
            case Recipient.Member member -> recipient.put("customerId", member.customerId());
            case Recipient.Address address -> writeAddress(recipient, address);
            case Recipient.Guest guest -> {
                recipient.put("email", guest.email());
                guest.locale().ifPresent(l -> recipient.put("locale", l));
                guest.timeZone().ifPresent(z -> recipient.put("timeZone", z.getId()));
                recipient.put("guestCart", guest.cartId());
                recipient.put("consentAt", guest.consentAt().toString());
            }
            case Recipient.Customer customer -> {
                recipient.put("customerId", customer.customerId());
                writeAddress(recipient.putObject("contact"), customer.contact());
            }
        }
        root.put("template", request.templateId());
        root.set("data", JSON.valueToTree(request.data()));
        request.notBefore().ifPresent(t -> root.put("notBefore", t.toString()));
        request.notAfter().ifPresent(t -> root.put("notAfter", t.toString()));
        request.exitCondition().ifPresent(exit -> writeExit(root.putObject("exit"), exit));
        root.put("requestedAt", request.requestedAt().toString());
        root.put("deferrals", request.deferrals());
        if (request.heldOut()) {
            root.put("heldOut", true);
        }
        request.capPriority().ifPresent(kind -> root.put("capPriority", kind.spelling()));
        return root.toString();
    }

    /** Reads a request; anything malformed is an {@link InvalidInputException} naming the field. */
    public static MessageRequest read(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(RejectReason.MALFORMED_JSON, "message request is not valid JSON");
        }
        JsonFields root = JsonFields.object(node, "").allowOnly(Set.of("v", "businessKey", "journey", "category",
                "priority", "recipient", "template", "data", "notBefore", "notAfter", "exit", "requestedAt",
                "deferrals", "heldOut", "capPriority"));
        if (root.integer("v", 1, 1) != 1) {
            throw new InvalidInputException(RejectReason.UNSUPPORTED_VERSION, "message request version must be 1");
        }
        Recipient recipient = readRecipient(root.object("recipient").allowOnly(Set.of("customerId", "email", "name",
                "locale", "timeZone", "guestCart", "consentAt", "contact")));
        JsonNode data = root.raw("data");
        if (data != null && !data.isObject()) {
            throw JsonFields.violation("data", "must be an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = data == null ? Map.of() : JSON.convertValue(data, LinkedHashMap.class);
        Optional<ExitCondition> exit = root.optionalObject("exit").map(e -> readExit(e, "exit"));
        return new MessageRequest(root.identifier("businessKey"),
                root.matching("journey", JOURNEY, "a journey name of lower-case letters, digits and -"),
                root.enumValue("category", Category.class), root.enumValue("priority", Priority.class), recipient,
                root.matching("template", TEMPLATE_ID, "a template id of lower-case letters, digits and -"),
                values, optionalInstant(root, "notBefore"), optionalInstant(root, "notAfter"), exit,
                instant(root, "requestedAt"), (int) root.integer("deferrals", 0, 10_000),
                root.has("heldOut") && root.bool("heldOut"), MarketingKind.read(root, "capPriority"));
    }

    private static void writeAddress(ObjectNode node, Recipient.Address address) {
        node.put("email", address.email());
        address.name().ifPresent(n -> node.put("name", n));
        address.locale().ifPresent(l -> node.put("locale", l));
        address.timeZone().ifPresent(z -> node.put("timeZone", z.getId()));
    }

    /**
     * A member ({@code customerId}), a customer with a contact ({@code customerId} and {@code contact}), a guest
     * ({@code email}, {@code guestCart} and {@code consentAt}) or an address ({@code email}).
     */
    private static Recipient readRecipient(JsonFields to) {
        if (to.has("customerId")) {
            if (to.has("email") || to.has("guestCart") || to.has("consentAt")) {
                throw JsonFields.violation("recipient", "names a customerId or an email, not both");
            }
            String customerId = to.identifier("customerId");
            return to.has("contact")
                    ? new Recipient.Customer(customerId, readAddress(to.object("contact")
                            .allowOnly(Set.of("email", "name", "locale", "timeZone"))))
                    : new Recipient.Member(customerId);
        }
        if (to.has("contact")) {
            throw JsonFields.violation("recipient.contact", "comes only with a customerId");
        }
        if (to.has("guestCart") || to.has("consentAt")) {
            if (to.has("name")) {
                throw JsonFields.violation("recipient.name", "is not kept for a guest");
            }
            return new Recipient.Guest(to.email("email"), to.identifier("guestCart"), instant(to, "consentAt"),
                    to.optionalMatching("locale", LOCALE, "a BCP 47 language tag"), to.optionalTimeZone("timeZone"));
        }
        return readAddress(to);
    }

    private static Recipient.Address readAddress(JsonFields to) {
        return new Recipient.Address(to.email("email"), to.optionalString("name", 200),
                to.optionalMatching("locale", LOCALE, "a BCP 47 language tag"), to.optionalTimeZone("timeZone"));
    }

    /**
     * An exit condition is an object with exactly one key: {@code noOrderSince},
     * {@code cartClosedOrChanged} or {@code anyOf}.
     */
    private static void writeExit(ObjectNode node, ExitCondition exit) {
        switch (exit) {
            case ExitCondition.NoOrderSince since -> node.put("noOrderSince", since.since().toString());
            case ExitCondition.CartClosedOrChanged cart -> node.putObject("cartClosedOrChanged")
                    .put("cartId", cart.cartId()).put("armedFor", cart.armedFor().encode());
            case ExitCondition.AnyOf any -> {
                ArrayNode conditions = node.putArray("anyOf");
                any.conditions().forEach(condition -> writeExit(conditions.addObject(), condition));
            }
        }
    }

    private static ExitCondition readExit(JsonFields exit, String path) {
        exit.allowOnly(Set.of("noOrderSince", "cartClosedOrChanged", "anyOf"));
        int kinds = (exit.has("noOrderSince") ? 1 : 0) + (exit.has("cartClosedOrChanged") ? 1 : 0)
                + (exit.has("anyOf") ? 1 : 0);
        if (kinds != 1) {
            throw JsonFields.violation(path, "must name exactly one exit condition");
        }
        if (exit.has("noOrderSince")) {
            return new ExitCondition.NoOrderSince(instant(exit, "noOrderSince"));
        }
        if (exit.has("cartClosedOrChanged")) {
            JsonFields cart = exit.object("cartClosedOrChanged").allowOnly(Set.of("cartId", "armedFor"));
            String armedFor = cart.string("armedFor", 200);
            try {
                return new ExitCondition.CartClosedOrChanged(cart.identifier("cartId"), Stamp.decode(armedFor));
            } catch (IllegalArgumentException | DateTimeException e) {
                throw JsonFields.violation(cart.path("armedFor"), "is not a stamp");
            }
        }
        List<JsonFields> conditions = exit.objects("anyOf", 1, 10);
        List<ExitCondition> anyOf = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            anyOf.add(readExit(conditions.get(i), path + ".anyOf[" + i + "]"));
        }
        return new ExitCondition.AnyOf(anyOf);
    }

    private static Optional<Instant> optionalInstant(JsonFields fields, String name) {
        return fields.optionalDateTime(name).map(OffsetDateTime::toInstant);
    }

    private static Instant instant(JsonFields fields, String name) {
        OffsetDateTime at = fields.dateTime(name);
        return at.toInstant();
    }
}
