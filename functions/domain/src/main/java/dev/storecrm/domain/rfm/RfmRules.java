package dev.storecrm.domain.rfm;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The RFM rules in one place: scores from the boundaries, the segment and the audiences from their
 * rules, and the next moment the member's RFM may change with no order (an R boundary, a {@code days}
 * condition, the end of the tier held).
 */
public record RfmRules(SegmentRules segments, SegmentRules audiences) {

    public static RfmRules defaults() {
        return new RfmRules(SegmentRules.defaultSegments(), SegmentRules.defaultAudiences());
    }

    /**
     * The member's state at {@code now}; empty for a member with no counted order.
     *
     * @param previous the state held, whose version the new one follows
     */
    public Optional<RfmState> evaluate(String customerId, Optional<RfmInputs> inputs, List<String> recentOrderIds,
                                       RfmBoundaries boundaries, Optional<Instant> tierHeldUntil,
                                       Optional<RfmState> previous, Instant now) {
        if (inputs.isEmpty()) {
            return Optional.empty();
        }
        RfmInputs in = inputs.get();
        RfmScores scores = boundaries.scores(in, now);
        String segment = segments.matching(scores, in, now).getFirst();
        List<String> inAudiences = audiences.matching(scores, in, now);
        Optional<Instant> next = Stream.of(boundaries.nextRecencyChange(in.lastOrderAt(), now),
                        segments.nextDaysChange(in.lastOrderAt(), now), audiences.nextDaysChange(in.lastOrderAt(), now),
                        tierHeldUntil.filter(until -> until.isAfter(now)))
                .flatMap(Optional::stream).min(Instant::compareTo);
        return Optional.of(new RfmState(customerId, previous.map(RfmState::version).orElse(0L), in, scores, segment,
                inAudiences, recentOrderIds, next, now));
    }
}
