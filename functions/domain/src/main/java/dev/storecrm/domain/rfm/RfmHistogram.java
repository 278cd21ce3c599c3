package dev.storecrm.domain.rfm;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The store's distribution of R, F and M over the members with a counted order, in the fixed buckets
 * of {@link RfmBuckets}: what the quantile boundaries are read from. The RFM function keeps it by
 * difference (a member leaving one bucket for another), so reading it never reads the members.
 *
 * <p><b>Quantiles with ties</b>: a bucket's score is {@code 1 + floor(5 x mid-rank)}, its mid-rank
 * being the share of members in lower buckets plus half its own share. Members in one bucket share a
 * score, and a store where everyone ordered once scores them all 3 (not all 1), as does an empty store.
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
        List<Long> weekCuts = cuts(ranked);
        List<Long> recencyDays = new ArrayList<>();
        LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        for (Long week : weekCuts) {
            recencyDays.add(week == null ? -1L : week == Long.MIN_VALUE ? Long.MAX_VALUE
                    : ChronoUnit.DAYS.between(RfmBuckets.weekStart(week), today));
        }
        return new RfmBoundaries(recencyDays, ints(cuts(frequency)), ints(cuts(monetary)));
    }

    /**
     * For scores 2 to 5, the lowest bucket that scores at least that ({@code null}: none does), from
     * each bucket's mid-rank.
     */
    static <K extends Comparable<K>> List<K> cuts(SortedMap<K, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        List<K> cuts = new ArrayList<>(List.of());
        for (int score = 2; score <= 5; score++) {
            cuts.add(null);
        }
        long below = 0;
        for (Map.Entry<K, Long> bucket : counts.entrySet()) {
            if (bucket.getValue() <= 0) {
                continue;
            }
            double midRank = (below + bucket.getValue() / 2.0) / total;
            int score = Math.min(5, 1 + (int) Math.floor(5 * midRank));
            for (int s = 2; s <= score; s++) {
                if (cuts.get(s - 2) == null) {
                    cuts.set(s - 2, bucket.getKey());
                }
            }
            below += bucket.getValue();
        }
        return cuts;
    }

    private static List<Integer> ints(List<Integer> cuts) {
        List<Integer> out = new ArrayList<>();
        for (Integer cut : cuts) {
            out.add(cut == null ? Integer.MAX_VALUE : cut);
        }
        return out;
    }
}
