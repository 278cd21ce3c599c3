package dev.storecrm.domain.rfm;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Quantile boundaries for scores 2 to 5 (index 0 is score 2). A member scores the highest score whose
 * boundary it meets, else 1:
 * <ul>
 *   <li>R: days since the last order at most {@code recencyDays} ({@code -1}: no one;
 *       {@link Long#MAX_VALUE}: everyone);</li>
 *   <li>F and M: a bucket at least {@code frequency} or {@code monetary} ({@link Integer#MAX_VALUE}: no one).</li>
 * </ul>
 * R in days (not in weeks of the calendar) is what lets a silent member's R fall as time passes: the
 * boundaries hold while the store's distribution holds, and a member's next R change is
 * {@link #nextRecencyChange}.
 */
public record RfmBoundaries(List<Long> recencyDays, List<Integer> frequency, List<Integer> monetary) {

    /** An empty store: everyone scores 3. */
    public static final RfmBoundaries MIDDLE = new RfmBoundaries(
            List.of(Long.MAX_VALUE, Long.MAX_VALUE, -1L, -1L),
            List.of(0, 0, Integer.MAX_VALUE, Integer.MAX_VALUE),
            List.of(0, 0, Integer.MAX_VALUE, Integer.MAX_VALUE));

    public RfmBoundaries {
        recencyDays = List.copyOf(recencyDays);
        frequency = List.copyOf(frequency);
        monetary = List.copyOf(monetary);
        if (recencyDays.size() != 4 || frequency.size() != 4 || monetary.size() != 4) {
            throw new IllegalArgumentException("four boundaries (scores 2 to 5) per dimension");
        }
    }

    public RfmScores scores(RfmInputs inputs, Instant now) {
        return new RfmScores(recencyScore(inputs.recencyDays(now)),
                score(RfmBuckets.frequency(inputs.orders()), frequency),
                score(RfmBuckets.monetary(inputs.spendMinor()), monetary));
    }

    int recencyScore(long days) {
        int score = 1;
        for (int s = 2; s <= 5; s++) {
            if (days <= recencyDays.get(s - 2)) {
                score = s;
            }
        }
        return score;
    }

    private static int score(int bucket, List<Integer> cuts) {
        int score = 1;
        for (int s = 2; s <= 5; s++) {
            if (bucket >= cuts.get(s - 2)) {
                score = s;
            }
        }
        return score;
    }

    /** When the member's R score falls next if the boundaries hold: the day after its current boundary. */
    public Optional<Instant> nextRecencyChange(Instant lastOrderAt, Instant now) {
        int current = recencyScore(Math.max(0, Duration.between(lastOrderAt, now).toDays()));
        if (current == 1) {
            return Optional.empty();
        }
        long limit = recencyDays.get(current - 2);
        return limit == Long.MAX_VALUE ? Optional.empty()
                : Optional.of(lastOrderAt.plus(Duration.ofDays(limit + 1)));
    }
}
