package dev.storecrm.domain.coupon;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The coupons of one campaign granted to one customer, by business key and when: the record a
 * per-member cap is decided on. A grant counts while it is younger than the cap's window.
 */
public record CouponGrants(Map<String, Instant> granted) {

    public static final CouponGrants NONE = new CouponGrants(Map.of());

    public CouponGrants {
        granted = Map.copyOf(granted);
    }

    /**
     * These grants with {@code businessKey} added at {@code now}, without those older than
     * {@code window}; empty if the key is new and {@code limit} grants are already within the window.
     * A key already granted stays granted (a repeated claim is answered the same).
     */
    public Optional<CouponGrants> grant(String businessKey, int limit, Duration window, Instant now) {
        if (granted.containsKey(businessKey)) {
            return Optional.of(this);
        }
        Map<String, Instant> live = new LinkedHashMap<>();
        Instant since = now.minus(window);
        granted.forEach((key, at) -> {
            if (!at.isBefore(since)) {
                live.put(key, at);
            }
        });
        if (live.size() >= limit) {
            return Optional.empty();
        }
        live.put(businessKey, now);
        return Optional.of(new CouponGrants(live));
    }

    /** These grants without {@code businessKey}. */
    public CouponGrants without(String businessKey) {
        Map<String, Instant> rest = new LinkedHashMap<>(granted);
        rest.remove(businessKey);
        return new CouponGrants(rest);
    }

    /** The latest grant, if any (the record is of no use a window after it). */
    public Optional<Instant> latest() {
        return granted.values().stream().max(Instant::compareTo);
    }
}
