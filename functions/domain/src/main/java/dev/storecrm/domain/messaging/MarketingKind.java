package dev.storecrm.domain.messaging;

import java.util.Locale;

/**
 * What a marketing message is, for the order in which messages take a member's frequency-cap slot
 * ({@link CapPriorities}): a greeting (birthday, wedding or membership anniversary), a cart's coupon,
 * a cart's reminder, a win-back step, a post-purchase follow-up ({@code order-feedback}), or anything else
 * (broadcasts and reminders such as points expiring soon). Read from the request's journey and template, the
 * names the journeys give them.
 */
public enum MarketingKind {
    GREETING, CART_COUPON, CART_REMINDER, WIN_BACK, ORDER_FEEDBACK, BROADCAST;

    /** The kind of a marketing request. */
    public static MarketingKind of(MessageRequest request) {
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

    /** The kind as a template parameter spells it: {@code cart-coupon}. */
    public String spelling() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
