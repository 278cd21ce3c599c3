package dev.storecrm.domain.loyalty;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Points by the local date on which they expire (the first date they are gone). Spending takes
 * the points that expire first; giving back undoes it, the latest date first. A member has at most
 * one lot per expiry date, so the number of lots follows the expiry rule, not the history.
 */
public record Lots(SortedMap<LocalDate, Long> byDate) {

    public static final Lots NONE = new Lots(new TreeMap<>());

    public Lots {
        TreeMap<LocalDate, Long> copy = new TreeMap<>();
        byDate.forEach((date, points) -> {
            if (points < 0) {
                throw new IllegalArgumentException("a lot is not negative");
            }
            if (points > 0) {
                copy.put(date, points);
            }
        });
        byDate = Collections.unmodifiableSortedMap(copy);
    }

    public static Lots of(LocalDate date, long points) {
        return NONE.plus(date, points);
    }

    public long total() {
        return byDate.values().stream().mapToLong(Long::longValue).sum();
    }

    public boolean isEmpty() {
        return byDate.isEmpty();
    }

    public Optional<LocalDate> earliest() {
        return byDate.isEmpty() ? Optional.empty() : Optional.of(byDate.firstKey());
    }

    public Lots plus(LocalDate date, long points) {
        TreeMap<LocalDate, Long> sum = new TreeMap<>(byDate);
        sum.merge(date, points, Math::addExact);
        return new Lots(sum);
    }

    public Lots plus(Lots other) {
        Lots sum = this;
        for (Map.Entry<LocalDate, Long> lot : other.byDate.entrySet()) {
            sum = sum.plus(lot.getKey(), lot.getValue());
        }
        return sum;
    }

    /** These lots without {@code part}, which they must hold. */
    public Lots minus(Lots part) {
        TreeMap<LocalDate, Long> rest = new TreeMap<>(byDate);
        part.byDate.forEach((date, points) -> {
            long left = rest.getOrDefault(date, 0L) - points;
            if (left < 0) {
                throw new IllegalStateException("cannot take " + points + " points of " + date + " from " + byDate);
            }
            rest.put(date, left);
        });
        return new Lots(rest);
    }

    /** Points still usable on local date {@code today}: those expiring after it. */
    public long usable(LocalDate today) {
        return byDate.tailMap(today.plusDays(1)).values().stream().mapToLong(Long::longValue).sum();
    }

    /** The lots gone by local date {@code today}: those expiring on or before it. */
    public Lots expiredBy(LocalDate today) {
        return new Lots(byDate.headMap(today.plusDays(1)));
    }

    /**
     * Up to {@code points} of the lots usable on {@code today}: the {@code preferred} lot first (if
     * usable), then the earliest to expire. The part taken, which may be less than asked for.
     */
    public Lots take(long points, LocalDate today, Optional<LocalDate> preferred) {
        List<LocalDate> order = new ArrayList<>();
        preferred.filter(date -> date.isAfter(today) && byDate.containsKey(date)).ifPresent(order::add);
        byDate.tailMap(today.plusDays(1)).keySet().stream().filter(date -> !order.contains(date)).forEach(order::add);
        return portion(order, points);
    }

    /** Up to {@code points} of these lots, the latest to expire first (what giving some back returns first). */
    public Lots latestFirst(long points) {
        List<LocalDate> order = new ArrayList<>(byDate.keySet());
        Collections.reverse(order);
        return portion(order, points);
    }

    private Lots portion(List<LocalDate> order, long points) {
        TreeMap<LocalDate, Long> taken = new TreeMap<>();
        long wanted = points;
        for (LocalDate date : order) {
            if (wanted <= 0) {
                break;
            }
            long part = Math.min(wanted, byDate.get(date));
            taken.put(date, part);
            wanted -= part;
        }
        return new Lots(taken);
    }
}
