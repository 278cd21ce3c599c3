package dev.storecrm.domain.rfm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RfmHistogramTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private static RfmInputs bought(long daysAgo, long orders, long spendMinor) {
        return new RfmInputs(NOW.minus(Duration.ofDays(daysAgo)), orders, spendMinor, 0, 1, 0);
    }

    /** Ten members, one per ten days of silence, 1 to 10 orders, spending 100.00 per order. */
    private static RfmHistogram tenMembers() {
        TreeMap<Long, Long> weeks = new TreeMap<>();
        TreeMap<Integer, Long> frequency = new TreeMap<>();
        TreeMap<Integer, Long> monetary = new TreeMap<>();
        for (int i = 1; i <= 10; i++) {
            RfmInputs in = bought(10L * i - 5, i, 10_000L * i);
            weeks.merge(RfmBuckets.week(in.lastOrderAt()), 1L, Long::sum);
            frequency.merge(RfmBuckets.frequency(in.orders()), 1L, Long::sum);
            monetary.merge(RfmBuckets.monetary(in.spendMinor()), 1L, Long::sum);
        }
        return new RfmHistogram(10, weeks, frequency, monetary);
    }

    @Test
    void tenDistinctMembersFallInFifthsOfTwo() {
        RfmBoundaries boundaries = tenMembers().boundaries(NOW);
        assertEquals(new RfmScores(5, 5, 5), boundaries.scores(bought(2, 10, 100_000), NOW), "the best of everything");
        assertEquals(new RfmScores(1, 1, 1), boundaries.scores(bought(120, 1, 10_000), NOW), "the worst");
        assertEquals(3, boundaries.scores(bought(50, 5, 50_000), NOW).f(), "five orders: four below of ten");
        assertEquals(3, boundaries.scores(bought(50, 5, 50_000), NOW).m());
    }

    @Test
    void frequencyTiesScoreDownAndAMemberAloneAboveThemScoresFive() {
        TreeMap<Integer, Long> frequency = new TreeMap<>(java.util.Map.of(1, 90L, 3, 10L));
        RfmBoundaries boundaries = new RfmHistogram(100, new TreeMap<>(java.util.Map.of(RfmBuckets.week(NOW), 100L)),
                frequency, new TreeMap<>(java.util.Map.of(10, 100L))).boundaries(NOW);
        assertEquals(1, boundaries.scores(bought(0, 1, 1_000), NOW).f(), "ninety in a hundred ordered once: F 1");
        assertEquals(5, boundaries.scores(bought(0, 2, 1_000), NOW).f(), "two orders, in a bucket no one holds yet");
        assertEquals(5, boundaries.scores(bought(0, 1, 1_000), NOW).r(), "everyone ordered this week: R 5, not 1");
    }

    @Test
    void anEmptyStoreScoresEveryoneThree() {
        assertEquals(new RfmScores(3, 3, 3), RfmHistogram.EMPTY.boundaries(NOW).scores(bought(400, 1, 1), NOW));
    }

    @Test
    void recencyFallsAsTimePassesAndTheNextChangeIsTheDayAfterTheBoundary() {
        RfmBoundaries boundaries = tenMembers().boundaries(NOW);
        RfmInputs recent = bought(2, 3, 30_000);
        assertEquals(5, boundaries.scores(recent, NOW).r());
        Instant next = boundaries.nextRecencyChange(recent.lastOrderAt(), NOW).orElseThrow();
        assertEquals(5, boundaries.scores(recent, next.minusSeconds(1)).r(), "still 5 the moment before");
        assertEquals(4, boundaries.scores(recent, next).r(), "4 once the boundary is crossed");
        assertEquals(Optional.empty(), boundaries.nextRecencyChange(NOW.minus(Duration.ofDays(400)), NOW),
                "R 1 has nowhere to fall");
    }

    @Test
    void onlyTheWeeksInTheWindowAreReadAndOlderMembersCountAsTheOldest() {
        TreeMap<Long, Long> weeks = new TreeMap<>(java.util.Map.of(RfmBuckets.week(NOW), 1L));
        RfmHistogram histogram = new RfmHistogram(5, weeks, new TreeMap<>(java.util.Map.of(1, 5L)),
                new TreeMap<>(java.util.Map.of(1, 5L)));
        RfmBoundaries boundaries = histogram.boundaries(NOW);
        assertEquals(5, boundaries.scores(bought(0, 1, 2), NOW).r(), "the one recent member");
        assertEquals(4, boundaries.scores(bought(1_000, 1, 2), NOW).r(), "four of five are older than two years:"
                + " a tie scored up to 4/5 of the store");
        assertEquals(List.of(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE), boundaries.recencyDays().subList(0, 3));
    }
}
