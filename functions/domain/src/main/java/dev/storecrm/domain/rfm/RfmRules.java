package dev.storecrm.domain.rfm;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The RFM rules in one place: scores from the boundaries, the segment and the audiences from their
 * rules, and the next moment the member's RFM may change with no order (an R boundary, a {@code days}
 * condition, the end of the tier held), or at the latest {@code refresh} after this evaluation: the
 * boundaries move as the store's distribution does, and a member scored against old boundaries is
 * scored again against the current ones within that time ({@link Duration#ZERO}: only at crossings).
 */
public record RfmRules(SegmentRules segments, SegmentRules audiences, Duration refresh) {

    public static final Duration DEFAULT_REFRESH = Duration.ofDays(30);

    public RfmRules {
        if (refresh.isNegative()) {
            throw new IllegalArgumentException("the RFM refresh is zero (off) or positive, not " + refresh);
        }
    }

    public static RfmRules defaults() {
        return new RfmRules(SegmentRules.defaultSegments(), SegmentRules.defaultAudiences(), DEFAULT_REFRESH);
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
                        tierHeldUntil.filter(until -> until.isAfter(now)),
                        Optional.of(now.plus(refresh)).filter(at -> !refresh.isZero()))
                .flatMap(Optional::stream).min(Instant::compareTo);
        return Optional.of(new RfmState(customerId, previous.map(RfmState::version).orElse(0L), in, scores, segment,
                inAudiences, recentOrderIds, next, now));
    }
}
