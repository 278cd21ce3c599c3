package dev.storecrm.domain.messaging;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The order in which marketing kinds take a member's frequency-cap slot, first first (the template's
 * {@code MarketingPriorities}, by default {@value #DEFAULT}). Rank 0 is the first; every kind has a rank.
 */
public record CapPriorities(List<MarketingKind> order) {

    public static final String DEFAULT = "greeting,cart-coupon,cart-reminder,win-back,order-feedback,broadcast";

    public CapPriorities {
        order = List.copyOf(order);
        if (order.size() != MarketingKind.values().length || EnumSet.copyOf(order).size() != order.size()) {
            throw new IllegalArgumentException("marketing priorities name each of " + spellings() + " once");
        }
    }

    /** Parses {@code greeting,cart-coupon,...}: every kind once, in order. */
    public static CapPriorities parse(String spec) {
        List<MarketingKind> order = new ArrayList<>();
        for (String part : spec.split(",")) {
            String name = part.trim();
            order.add(MarketingKind.spelled(name).orElseThrow(() -> new IllegalArgumentException(
                    "unknown marketing kind '" + name + "' in the marketing priorities; the kinds are "
                            + spellings())));
        }
        return new CapPriorities(order);
    }

    /**
     * The rank of a marketing request: 0 for the first kind, larger for later ones; the kind a request names for
     * itself ({@link MessageRequest#capPriority()}) counts first.
     */
    public int rank(MessageRequest request) {
        return order.indexOf(MarketingKind.of(request));
    }

    private static String spellings() {
        return MarketingKind.spellings().toString();
    }

    @Override
    public String toString() {
        return String.join(",", order.stream().map(MarketingKind::spelling).toList());
    }
}
