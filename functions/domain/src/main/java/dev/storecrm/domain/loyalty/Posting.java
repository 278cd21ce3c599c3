package dev.storecrm.domain.loyalty;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One movement as a rule decides it, before the ledger numbers it ({@link LedgerEntry}).
 *
 * @param points      signed: what the balance moves by
 * @param lots        the lots it credited into or took from, by expiry date (what expires when)
 * @param source      what caused it: {@code order:<id>}, {@code request:<key>}, {@code expiry}
 * @param effectiveAt when what it stands for happened (an order's payment), if not when it was recorded
 * @param uncollected for a reversal: points that could not be taken back (already spent or expired)
 * @param actor       for an adjustment: the identity that made it
 * @param reason      for an adjustment: why
 */
public record Posting(EntryKind kind, long points, Lots lots, String source, Optional<Instant> effectiveAt,
                      long uncollected, Optional<String> actor, Optional<String> reason) {

    public Posting {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(lots, "lots");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(effectiveAt, "effectiveAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reason, "reason");
        if (uncollected < 0 || lots.total() != Math.abs(points)) {
            throw new IllegalArgumentException(
                    "a posting moves the points of its lots, and leaves none negative uncollected");
        }
    }

    /** A credit of {@code lots} (the points go into them). */
    public static Posting credit(EntryKind kind, Lots lots, String source, Optional<Instant> effectiveAt) {
        return new Posting(kind, lots.total(), lots, source, effectiveAt, 0, Optional.empty(), Optional.empty());
    }

    /** A debit of {@code lots} (the points come out of them). */
    public static Posting debit(EntryKind kind, Lots lots, String source) {
        return new Posting(kind, -lots.total(), lots, source, Optional.empty(), 0, Optional.empty(), Optional.empty());
    }

    public Posting by(String who, String why) {
        return new Posting(kind, points, lots, source, effectiveAt, uncollected, Optional.of(who), Optional.of(why));
    }
}
