package dev.storecrm.domain.messaging;

import dev.storecrm.domain.json.JsonFields;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a marketing message is, for the order in which messages take a member's frequency-cap slot
 * ({@link CapPriorities}): a greeting (birthday, wedding or membership anniversary), a cart's coupon,
 * a cart's reminder, a win-back step, a post-purchase follow-up ({@code order-feedback}), or anything else
 * (broadcasts and reminders such as points expiring soon). Read from the request's journey and template, the
 * names the journeys give them, unless the request names its own ({@link MessageRequest#capPriority()}: a festival
 * campaign's {@code capPriority}).
 */
public enum MarketingKind {
    GREETING, CART_COUPON, CART_REMINDER, WIN_BACK, ORDER_FEEDBACK, BROADCAST;

    /** The kind of a marketing request: the one it names for its cap priority, else by its journey and template. */
    public static MarketingKind of(MessageRequest request) {
        return request.capPriority().orElseGet(() -> byJourney(request));
    }

    private static MarketingKind byJourney(MessageRequest request) {
        return switch (request.journey()) {
            case "birthday", "anniversary" -> GREETING;
            case "win-back" -> WIN_BACK;
            case "order-feedback" -> ORDER_FEEDBACK;
            default -> switch (request.templateId()) {
                case "cart-coupon" -> CART_COUPON;
                case "cart-reminder" -> CART_REMINDER;
                default -> BROADCAST;
            };
        };
    }

    /**
     * The optional field {@code name} of a definition or request ({@code "capPriority": "greeting"}): one of the
     * kinds as {@code MarketingPriorities} spells them, else a violation naming the field and the kinds.
     */
    public static Optional<MarketingKind> read(JsonFields fields, String name) {
        Pattern any = Pattern.compile(String.join("|", spellings()));
        return fields.optionalMatching(name, any, "one of " + String.join(", ", spellings())
                + " (as MarketingPriorities spells them)").flatMap(MarketingKind::spelled);
    }

    /** The kind a template parameter spells so ({@code cart-coupon}), if any. */
    public static Optional<MarketingKind> spelled(String spelling) {
        return Arrays.stream(values()).filter(kind -> kind.spelling().equals(spelling)).findFirst();
    }

    /** Every kind's spelling, in declaration order: {@code greeting, cart-coupon, ...}. */
    public static List<String> spellings() {
        return Arrays.stream(values()).map(MarketingKind::spelling).toList();
    }

    /** The kind as a template parameter spells it: {@code cart-coupon}. */
    public String spelling() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
