package dev.storecrm.domain.loyalty;

import java.time.Instant;
import java.util.Objects;

/**
 * Points a checkout reserved for an order: taken out of the lots (so no other redemption can
 * spend them) until the order's redemption is confirmed, released, or lapses at {@code expiresAt}.
 *
 * @param taken the lots the points came from, to put back as they were if the hold is released
 */
public record Hold(long points, Lots taken, Instant expiresAt) {

    public Hold {
        Objects.requireNonNull(taken, "taken");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (points < 1 || taken.total() != points) {
            throw new IllegalArgumentException("a hold holds its lots' points, at least one");
        }
    }

    public boolean lapsed(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
