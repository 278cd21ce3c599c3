package dev.storecrm.domain.rfm;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The store's distribution of R, F and M over the members with a counted order, in the fixed buckets
 * of {@link RfmBuckets}: what the quantile boundaries are read from. The RFM function keeps it by
 * difference (a member leaving one bucket for another), so reading it never reads the members.
 *
 * <p><b>Quantiles with ties</b>: members in one bucket share a score. F and M score ties down: a
 * bucket scores {@code 1 + floor(5 x share below it)}, so the many who ordered once are F 1, not the
 * middle. R scores ties up: {@code ceil(5 x share up to and including it)}, so a week in which many
 * ordered is as recent as its most recent member (a new store whose members all ordered this week
 * scores them R 5). An empty store scores everyone 3.
 *
 * @param members members with a counted order (also those whose last order is older than the weeks held)
 * @param weeks members by week of their last order (those outside the window are ignored)
 * @param frequency members by frequency bucket
 * @param monetary members by monetary bucket
 */
public record RfmHistogram(long members, SortedMap<Long, Long> weeks, SortedMap<Integer, Long> frequency,
                           SortedMap<Integer, Long> monetary) {

    public static final RfmHistogram EMPTY = new RfmHistogram(0, new TreeMap<>(), new TreeMap<>(), new TreeMap<>());

    public RfmHistogram {
        weeks = new TreeMap<>(weeks);
        frequency = new TreeMap<>(frequency);
        monetary = new TreeMap<>(monetary);
    }

    /** The boundaries at {@code now}: R in days since the last order, F and M in buckets. */
    public RfmBoundaries boundaries(Instant now) {
        if (members <= 0) {
            return RfmBoundaries.MIDDLE;
        }
        long current = RfmBuckets.week(now);
        SortedMap<Long, Long> window = new TreeMap<>(weeks.subMap(current - RfmBuckets.RECENCY_WEEKS + 1, current + 1));
        long older = members - window.values().stream().mapToLong(Long::longValue).sum();
        SortedMap<Long, Long> ranked = new TreeMap<>();
        if (older > 0) {
            ranked.put(Long.MIN_VALUE, older);
        }
        window.forEach((week, count) -> ranked.merge(week, count, Long::sum));
        List<Long> weekCuts = cutsUp(ranked);
        List<Long> recencyDays = new ArrayList<>();
        LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        for (Long week : weekCuts) {
            recencyDays.add(week == null ? -1L : week == Long.MIN_VALUE ? Long.MAX_VALUE
                    : ChronoUnit.DAYS.between(RfmBuckets.weekStart(week), today));
        }
        return new RfmBoundaries(recencyDays, ints(cutsDown(frequency)), ints(cutsDown(monetary)));
    }

    /**
     * Ties scored up: for scores 2 to 5, the lowest bucket whose share up to and including it reaches
     * that score ({@code null}: none does).
     */
    static List<Long> cutsUp(SortedMap<Long, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        List<Long> cuts = new ArrayList<>(Collections.nCopies(4, (Long) null));
        long upTo = 0;
        for (Map.Entry<Long, Long> bucket : counts.entrySet()) {
            upTo += Math.max(0, bucket.getValue());
            set(cuts, (int) Math.ceil(5.0 * upTo / total), bucket.getKey());
        }
        return cuts;
    }

    /**
     * Ties scored down: for scores 2 to 5, the lowest bucket (held by anyone or not) with a share of
     * members below it that reaches that score, so a member alone in a new bucket is placed too.
     */
    static List<Integer> cutsDown(SortedMap<Integer, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        List<Integer> cuts = new ArrayList<>(Collections.nCopies(4, (Integer) null));
        long below = 0;
        for (Map.Entry<Integer, Long> bucket : counts.entrySet()) {
            if (bucket.getValue() > 0) {
                below += bucket.getValue();
                set(cuts, 1 + (int) Math.floor(5.0 * below / total), bucket.getKey() + 1);
            }
        }
        return cuts;
    }

    private static <K> void set(List<K> cuts, int score, K bucket) {
        for (int s = 2; s <= Math.min(5, score); s++) {
            if (cuts.get(s - 2) == null) {
                cuts.set(s - 2, bucket);
            }
        }
    }

    private static List<Integer> ints(List<Integer> cuts) {
        List<Integer> out = new ArrayList<>();
        for (Integer cut : cuts) {
            out.add(cut == null ? Integer.MAX_VALUE : cut);
        }
        return out;
    }
}
