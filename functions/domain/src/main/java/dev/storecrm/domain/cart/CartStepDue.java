package dev.storecrm.domain.cart;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.event.Stamp;
import dev.storecrm.domain.json.JsonFields;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A step of a cart's sequence fell due: the body of the cart's timer, delivered to the cart
 * recovery queue by the timer sweep. {@code armedFor} is the cart activity the step was armed
 * for; if the cart changed since, the firing is stale and does nothing.
 *
 * <pre>
 * {"kind":"cart-step","cartId":"cart-3001","step":"reminder",
 *  "armedFor":"2026-11-20T14:15:00.000000000Z evt-1"}
 * </pre>
 */
public record CartStepDue(String cartId, CartStep step, Stamp armedFor) {

    public static final String KIND = "cart-step";
    /** The timer target name: TIMER_TARGETS maps it to the cart recovery queue. */
    public static final String TARGET = "cart";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STAMP =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{9}Z \\S{1,128}");

    public CartStepDue {
        Objects.requireNonNull(cartId, "cartId");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(armedFor, "armedFor");
    }

    /** The one timer of a cart: re-arming a cart's sequence re-schedules this id. */
    public static String timerId(String cartId) {
        return "cart#" + cartId;
    }

    /** True for a timer body (it has a {@code kind}), false for a canonical event (it has a {@code type}). */
    public static boolean isTimerBody(JsonNode node) {
        return node != null && node.isObject() && node.has("kind");
    }

    public static CartStepDue read(JsonNode node) {
        JsonFields body = JsonFields.object(node, "").allowOnly(Set.of("kind", "cartId", "step", "armedFor"));
        String kind = body.string("kind", 64);
        if (!KIND.equals(kind)) {
            throw new InvalidInputException(RejectReason.SCHEMA_VIOLATION,
                    "kind must be " + KIND + " (a timer body of cart recovery)");
        }
        String stepName = body.string("step", 32);
        CartStep step = CartStep.fromWire(stepName).orElseThrow(() -> JsonFields.violation("step",
                "must be one of reminder, coupon"));
        Stamp armedFor;
        try {
            String stamp = body.matching("armedFor", STAMP, "a stamp: a fixed-width UTC instant, a space, an event id");
            armedFor = Stamp.decode(stamp);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw JsonFields.violation("armedFor", "is not a stamp");
        }
        return new CartStepDue(body.identifier("cartId"), step, armedFor);
    }

    public String toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("kind", KIND);
        node.put("cartId", cartId);
        node.put("step", step.wire());
        node.put("armedFor", armedFor.encode());
        return node.toString();
    }
}
