package dev.storecrm.domain.cart;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A step of the cart-recovery sequence. Each step happens at most once per cart: its business key
 * names the cart and the step, so the sender sends it at most once whatever re-arms the sequence.
 */
public enum CartStep {
    /** A reminder of what is in the cart, with its recovery link. */
    REMINDER("cart-reminder"),
    /** A single-use coupon for the cart, valid for a while after it is sent. */
    COUPON("cart-coupon");

    private static final String PREFIX = "CART#";

    private final String templateId;

    CartStep(String templateId) {
        this.templateId = templateId;
    }

    /** The name in configuration and timer bodies: {@code reminder}, {@code coupon}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CartStep> fromWire(String name) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(name)).findFirst();
    }

    /** The e-mail template of the step, in {@code templates/}. */
    public String templateId() {
        return templateId;
    }

    /** {@code CART#<cartId>#reminder}: the effect this step has for one cart (its message; its coupon). */
    public String businessKey(String cartId) {
        return PREFIX + cartId + "#" + wire();
    }

    /** The cart a business key of this step names, if it is one. */
    public Optional<String> cartIdOf(String businessKey) {
        String suffix = "#" + wire();
        if (!businessKey.startsWith(PREFIX) || !businessKey.endsWith(suffix)
                || businessKey.length() <= PREFIX.length() + suffix.length()) {
            return Optional.empty();
        }
        return Optional.of(businessKey.substring(PREFIX.length(), businessKey.length() - suffix.length()));
    }
}
