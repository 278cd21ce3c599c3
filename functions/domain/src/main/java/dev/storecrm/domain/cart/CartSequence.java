package dev.storecrm.domain.cart;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The cart-recovery sequence as data: which steps, each after how long without cart activity.
 * Written {@code reminder=PT1H,coupon=PT24H} (ISO-8601 durations); steps run in the order of their
 * delays, every delay counted from the cart's last change.
 */
public record CartSequence(List<Step> steps) {

    public static final String DEFAULT = "reminder=PT1H,coupon=PT24H";

    /** One step and its delay after the last cart activity. */
    public record Step(CartStep kind, Duration delay) {
        public Step {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative() || delay.isZero()) {
                throw new IllegalArgumentException("the delay of " + kind.wire() + " must be positive");
            }
        }
    }

    public CartSequence {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a cart sequence needs at least one step");
        }
        Set<CartStep> kinds = EnumSet.noneOf(CartStep.class);
        for (Step step : steps) {
            if (!kinds.add(step.kind())) {
                throw new IllegalArgumentException("the cart sequence names " + step.kind().wire() + " twice");
            }
        }
        steps = steps.stream().sorted(Comparator.comparing(Step::delay)).toList();
    }

    /** Reads {@code reminder=PT1H,coupon=PT24H}. */
    public static CartSequence parse(String spec) {
        List<Step> steps = new ArrayList<>();
        for (String entry : spec.split(",")) {
            String[] parts = entry.trim().split("=");
            if (parts.length != 2) {
                throw new IllegalArgumentException(
                        "cart sequence entries look like reminder=PT1H, not " + entry.trim());
            }
            CartStep kind = CartStep.fromWire(parts[0].trim()).orElseThrow(() -> new IllegalArgumentException(
                    "a cart step is reminder or coupon, not " + parts[0].trim()));
            try {
                steps.add(new Step(kind, Duration.parse(parts[1].trim())));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("the delay of " + kind.wire()
                        + " must be an ISO-8601 duration such as PT1H or P1D", e);
            }
        }
        return new CartSequence(steps);
    }

    public Step first() {
        return steps.getFirst();
    }

    /** The delay of a step of this sequence. */
    public Duration delayOf(CartStep kind) {
        return steps.stream().filter(s -> s.kind() == kind).findFirst().map(Step::delay)
                .orElseThrow(() -> new IllegalArgumentException(kind.wire() + " is not in the sequence"));
    }

    @Override
    public String toString() {
        return String.join(",", steps.stream().map(s -> s.kind().wire() + "=" + s.delay()).toList());
    }
}
