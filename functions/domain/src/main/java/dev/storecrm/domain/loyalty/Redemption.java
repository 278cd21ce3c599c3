package dev.storecrm.domain.loyalty;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Points a checkout spends on one order. The state machine, by order id:
 * <pre>
 *   (none) --reserve--> RESERVED --confirm--> CONFIRMED
 *                          |  \--release / order cancelled--> RELEASED --reserve--> RESERVED
 *                          \--not confirmed by expiresAt--> EXPIRED --reserve--> RESERVED
 * </pre>
 * A confirmed redemption is not released: cancelling or refunding the order returns its points
 * ({@code returned}: all of them for a cancellation or a full refund, in proportion for a partial one).
 *
 * @param taken     the lots the points came from (known once confirmed), to return them into
 * @param settledAt when it was confirmed, released or found expired
 */
public record Redemption(Status status, long points, Lots taken, long returned, Instant reservedAt, Instant expiresAt,
                         Optional<Instant> settledAt) {

    /** Where a redemption stands. */
    public enum Status {
        RESERVED, CONFIRMED, RELEASED, EXPIRED;

        public String wire() {
            return name().toLowerCase();
        }

        public static Optional<Status> fromWire(String value) {
            return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst();
        }
    }

    public Redemption {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(taken, "taken");
        Objects.requireNonNull(reservedAt, "reservedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(settledAt, "settledAt");
        if (points < 1 || returned < 0 || returned > points) {
            throw new IllegalArgumentException("a redemption spends at least one point and returns at most those");
        }
    }

    public static Redemption reserved(long points, Instant now, Instant until) {
        return new Redemption(Status.RESERVED, points, Lots.NONE, 0, now, until, Optional.empty());
    }

    /** Reserved, and not lapsed at {@code now}. */
    public boolean holding(Instant now) {
        return status == Status.RESERVED && expiresAt.isAfter(now);
    }

    public Redemption settled(Status newStatus, Lots spentFrom, Instant now) {
        return new Redemption(newStatus, points, spentFrom, returned, reservedAt, expiresAt, Optional.of(now));
    }

    public Redemption withReturned(long total) {
        return new Redemption(status, points, taken, total, reservedAt, expiresAt, settledAt);
    }
}
