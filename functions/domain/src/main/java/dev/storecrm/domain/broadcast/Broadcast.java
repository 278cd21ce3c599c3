package dev.storecrm.domain.broadcast;

import dev.storecrm.domain.StableHash;
import dev.storecrm.domain.campaign.Holdout;
import dev.storecrm.domain.coupon.CouponValue;
import dev.storecrm.domain.messaging.MarketingKind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A one-off campaign as the marketer defined it: to whom, what (one template, or A/B variants with a split),
 * when (a window in each member's local time), with an optional coupon and a holdout. Every decision about a
 * member (held out or not, which variant) is a stable hash of the member and the campaign, so a page read twice
 * decides alike.
 *
 * @param window      the earliest and latest local date-time of the send, read in each member's own time zone
 * @param capPriority the marketing kind whose priority its messages take a member's cap slot with
 *                    ({@code MarketingPriorities}); without it, the {@code broadcast} kind's
 */
public record Broadcast(String campaignId, String name, BroadcastAudience audience, List<Variant> variants,
                        Window window, Optional<Offer> coupon, Holdout holdout, Optional<MarketingKind> capPriority) {

    /** The journey name on every request and in the ledger; also the cap priority's {@code broadcast}. */
    public static final String JOURNEY = "broadcast";
    /** The latest a window may end after it starts: a broadcast is a one-off, not a standing journey. */
    public static final Duration LONGEST_WINDOW = Duration.ofDays(14);
    /** The earliest time zone on Earth (Kiribati): the window opens there first. */
    private static final ZoneOffset EARLIEST = ZoneOffset.ofHours(14);
    private static final int SHARE_RANGE = 100;

    /**
     * One version of the content.
     *
     * @param share   the percent of the treated members who get it (the variants' shares add up to 100)
     * @param content the template's variables per locale ({@code en}, {@code zh-CN}); a member whose locale has
     *                none gets the first locale's
     */
    public record Variant(String name, String templateId, int share, Map<String, Map<String, String>> content) {
        public Variant {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(templateId, "templateId");
            content = Collections.unmodifiableMap(new LinkedHashMap<>(content));
            if (share < 1 || share > SHARE_RANGE) {
                throw new IllegalArgumentException("a variant's share is 1 to 100 percent, not " + share);
            }
        }
    }

    /** The send window in local date-times. */
    public record Window(LocalDateTime start, LocalDateTime end) {
        public Window {
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("the window must end after it starts");
            }
            if (Duration.between(start, end).compareTo(LONGEST_WINDOW) > 0) {
                throw new IllegalArgumentException("the window is at most 14 days long");
            }
        }

        /** When the window opens for a member of this zone. */
        public Instant startIn(ZoneId zone) {
            return start.atZone(zone).toInstant();
        }

        /** When the window closes for a member of this zone. */
        public Instant endIn(ZoneId zone) {
            return end.atZone(zone).toInstant();
        }

        /** When it opens anywhere: the fan-out need not begin earlier. */
        public Instant opensFirst() {
            return start.atOffset(EARLIEST).toInstant();
        }
    }

    /** The coupon each treated member gets: its value, valid for {@code validDays} from the window's end. */
    public record Offer(CouponValue value, int validDays) {
        public Offer {
            Objects.requireNonNull(value, "value");
            if (validDays < 1 || validDays > 365) {
                throw new IllegalArgumentException("a broadcast coupon is valid for 1 to 365 days");
            }
        }
    }

    public Broadcast {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(holdout, "holdout");
        variants = List.copyOf(variants);
        coupon = Objects.requireNonNullElse(coupon, Optional.empty());
        capPriority = Objects.requireNonNullElse(capPriority, Optional.empty());
        if (variants.isEmpty() || variants.stream().mapToInt(Variant::share).sum() != SHARE_RANGE) {
            throw new IllegalArgumentException("the variants' shares must add up to 100");
        }
    }

    /** The business key of the member's message (and coupon): once per campaign and member. */
    public String businessKey(String customerId) {
        return "BROADCAST#" + campaignId + "#" + customerId;
    }

    /** Whether the member is in this campaign's holdout group. */
    public boolean holdsOut(String customerId) {
        return holdout.holdsOut(customerId, JOURNEY, campaignId);
    }

    /**
     * The member's variant: a stable hash of member and campaign (not the holdout's), placed on the variants'
     * cumulative shares.
     */
    public Variant variantOf(String customerId) {
        long bucket = StableHash.bucket(customerId + "\u0000variant\u0000" + campaignId, SHARE_RANGE);
        int upTo = 0;
        for (Variant variant : variants) {
            upTo += variant.share();
            if (bucket < upTo) {
                return variant;
            }
        }
        return variants.getLast();
    }
}
