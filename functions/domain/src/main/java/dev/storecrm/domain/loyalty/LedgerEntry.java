package dev.storecrm.domain.loyalty;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a member's points ledger, as stored: a {@link Posting} numbered by the account
 * revision that recorded it ({@code sequence}, and {@code index} within that revision), with the
 * balance after it. Entries in sequence order are the account's history: each {@code balanceAfter}
 * is the one before plus {@code points}, and the last is the account's balance.
 */
public record LedgerEntry(String customerId, long sequence, int index, Posting posting, long balanceAfter,
                          Instant recordedAt) {

    public LedgerEntry {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(posting, "posting");
        Objects.requireNonNull(recordedAt, "recordedAt");
        if (balanceAfter < 0) {
            throw new IllegalStateException("a points balance is never negative (" + customerId + " at "
                    + sequence + ")");
        }
    }

    public EntryKind kind() {
        return posting.kind();
    }

    public long points() {
        return posting.points();
    }
}
