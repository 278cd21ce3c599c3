package dev.storecrm.domain.rfm;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A member's RFM as last evaluated (the RfmTable's {@code STATE} item of the member): the inputs it was
 * scored from, the scores, the one segment, the audiences, and the next moment it may change without
 * an order ({@code nextCheck}, armed as a timer). Bounded: at most three recent order ids.
 *
 * @param version the optimistic-concurrency version of the stored state (0 before the first save)
 * @param recentOrderIds the orders of the latest payments the coupon share was counted over
 */
public record RfmState(String customerId, long version, RfmInputs inputs, RfmScores scores, String segment,
                       List<String> audiences, List<String> recentOrderIds, Optional<Instant> nextCheck,
                       Instant evaluatedAt) {

    public RfmState {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(scores, "scores");
        Objects.requireNonNull(segment, "segment");
        audiences = List.copyOf(audiences);
        recentOrderIds = List.copyOf(recentOrderIds);
        Objects.requireNonNull(nextCheck, "nextCheck");
    }

    /** Equal in everything a reader or the histogram sees (not the version, nor when it was evaluated). */
    public boolean sameAs(RfmState other) {
        return other != null && inputs.equals(other.inputs) && scores.equals(other.scores)
                && segment.equals(other.segment) && audiences.equals(other.audiences)
                && recentOrderIds.equals(other.recentOrderIds) && nextCheck.equals(other.nextCheck);
    }

    public long week() {
        return RfmBuckets.week(inputs.lastOrderAt());
    }

    public int frequencyBucket() {
        return RfmBuckets.frequency(inputs.orders());
    }

    public int monetaryBucket() {
        return RfmBuckets.monetary(inputs.spendMinor());
    }
}
