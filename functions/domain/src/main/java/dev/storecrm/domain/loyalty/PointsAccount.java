package dev.storecrm.domain.loyalty;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A member's points as one bounded item: the balance (the sum of every ledger entry), the points
 * by expiry date ({@link Lots}), the checkouts' {@link Hold}s, the member's time zone (expiry dates
 * are local), how far the "expiring soon" mail has reminded, and the moment the member's points
 * timer is armed for. {@code balance} is always the lots plus the holds, and never negative.
 *
 * <p>Every operation returns a new account; the ledger writes it with the entries it caused, in one
 * conditional write.
 */
public record PointsAccount(String customerId, long balance, Lots lots, Map<String, Hold> holds, Optional<ZoneId> zone,
                            Optional<LocalDate> remindedThrough, Optional<Instant> armedFor) {

    /** What a debit took: the account after it, and the lots the points came from. */
    public record Taking(PointsAccount account, Lots taken) {}

    /** Points the "expiring soon" mail is due for: those of the lots expiring from {@code first} to {@code last}. */
    public record Reminder(long points, LocalDate first, LocalDate last) {}

    public PointsAccount {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(lots, "lots");
        holds = Map.copyOf(holds);
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(remindedThrough, "remindedThrough");
        Objects.requireNonNull(armedFor, "armedFor");
        long held = holds.values().stream().mapToLong(Hold::points).sum();
        if (balance < 0 || balance != lots.total() + held) {
            throw new IllegalStateException("the points of " + customerId + " do not add up: balance " + balance
                    + ", lots " + lots.total() + ", held " + held);
        }
    }

    /** A member with no points yet. */
    public static PointsAccount open(String customerId) {
        return new PointsAccount(customerId, 0, Lots.NONE, Map.of(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    public ZoneId zone(ZoneId storeZone) {
        return zone.orElse(storeZone);
    }

    /** The member's local date at {@code now}. */
    public LocalDate today(Instant now, ZoneId storeZone) {
        return now.atZone(zone(storeZone)).toLocalDate();
    }

    /** The moment points of lot {@code date} are gone, in the member's time zone. */
    public Instant expiryInstant(LocalDate date, ZoneId storeZone) {
        return date.atStartOfDay(zone(storeZone)).toInstant();
    }

    /**
     * Points that can be spent now: not held, not expired (lapsed holds count once released, see
     * {@link #releaseLapsed}).
     */
    public long available(Instant now, ZoneId storeZone) {
        return lots.usable(today(now, storeZone));
    }

    public long reserved() {
        return holds.values().stream().mapToLong(Hold::points).sum();
    }

    /** Adds points into the lots of their expiry dates. */
    public PointsAccount credit(Lots added) {
        return with(Math.addExact(balance, added.total()), lots.plus(added), holds);
    }

    /** Takes up to {@code points} usable points ({@code preferred} lot first, then the earliest to expire). */
    public Taking debit(long points, Instant now, ZoneId storeZone, Optional<LocalDate> preferred) {
        Lots taken = lots.take(points, today(now, storeZone), preferred);
        return new Taking(with(balance - taken.total(), lots.minus(taken), holds), taken);
    }

    /** Reserves {@code points} usable points for an order; the caller checked they are {@link #available}. */
    public PointsAccount hold(String orderId, long points, Instant now, Instant until, ZoneId storeZone) {
        Lots taken = lots.take(points, today(now, storeZone), Optional.empty());
        if (taken.total() != points || holds.containsKey(orderId)) {
            throw new IllegalStateException("cannot hold " + points + " points for order " + orderId);
        }
        Map<String, Hold> more = new HashMap<>(holds);
        more.put(orderId, new Hold(points, taken, until));
        return with(balance, lots.minus(taken), more);
    }

    /** The order's hold removed: spent (a confirmed redemption) or its points put back as they were. */
    public PointsAccount withoutHold(String orderId, boolean spent) {
        Hold hold = holds.get(orderId);
        if (hold == null) {
            return this;
        }
        Map<String, Hold> rest = new HashMap<>(holds);
        rest.remove(orderId);
        return spent ? with(balance - hold.points(), lots, rest) : with(balance, lots.plus(hold.taken()), rest);
    }

    /** Holds whose checkout never came back: their points are free again. */
    public PointsAccount releaseLapsed(Instant now) {
        PointsAccount account = this;
        for (Map.Entry<String, Hold> hold : holds.entrySet()) {
            if (hold.getValue().lapsed(now)) {
                account = account.withoutHold(hold.getKey(), false);
            }
        }
        return account;
    }

    /** Removes the lots expired by now: the account after, and what expired. */
    public Taking expire(Instant now, ZoneId storeZone) {
        Lots gone = lots.expiredBy(today(now, storeZone));
        return new Taking(with(balance - gone.total(), lots.minus(gone), holds), gone);
    }

    /** The lots the "expiring soon" mail is due for now, not reminded yet; empty without reminders. */
    public Optional<Reminder> reminderDue(Instant now, LoyaltyPolicy policy) {
        if (policy.reminderDays() == 0) {
            return Optional.empty();
        }
        Lots due = new Lots(lots.byDate().entrySet().stream().filter(lot -> remindable(lot.getKey()))
                .filter(lot -> !reminderMoment(lot.getKey(), policy).isAfter(now))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum,
                        java.util.TreeMap::new)));
        return due.isEmpty() ? Optional.empty()
                : Optional.of(new Reminder(due.total(), due.byDate().firstKey(), due.byDate().lastKey()));
    }

    /**
     * When something is next due for this account: a lot expiring, a reminder, or a lapsed hold
     * whose points have expired meanwhile (a hold of points that expire later lapses unseen: the
     * next operation frees it). Empty when nothing ever will be.
     */
    public Optional<Instant> nextDue(LoyaltyPolicy policy) {
        ZoneId storeZone = policy.storeZone();
        Stream<Instant> lotDue = lots.earliest().filter(this::expiring).map(date -> expiryInstant(date, storeZone))
                .stream();
        Stream<Instant> reminder = policy.reminderDays() == 0 ? Stream.empty()
                : lots.byDate().keySet().stream().filter(this::remindable).findFirst()
                        .map(date -> reminderMoment(date, policy)).stream();
        Stream<Instant> lapsed = holds.values().stream().flatMap(hold -> hold.taken().earliest().filter(this::expiring)
                .map(date -> latest(hold.expiresAt(), expiryInstant(date, storeZone))).stream());
        return Stream.of(lotDue, reminder, lapsed).flatMap(s -> s).min(Instant::compareTo);
    }

    public PointsAccount withZone(Optional<ZoneId> newZone) {
        return new PointsAccount(customerId, balance, lots, holds, newZone.or(() -> zone), remindedThrough, armedFor);
    }

    public PointsAccount remindedThrough(LocalDate date) {
        return new PointsAccount(customerId, balance, lots, holds, zone, Optional.of(date), armedFor);
    }

    public PointsAccount armedFor(Optional<Instant> due) {
        return new PointsAccount(customerId, balance, lots, holds, zone, remindedThrough, due);
    }

    Instant reminderMoment(LocalDate date, LoyaltyPolicy policy) {
        return date.minusDays(policy.reminderDays()).atTime(policy.reminderTime()).atZone(zone(policy.storeZone()))
                .toInstant();
    }

    private boolean remindable(LocalDate date) {
        return expiring(date) && remindedThrough.map(date::isAfter).orElse(true);
    }

    private boolean expiring(LocalDate date) {
        return !date.equals(ExpiryRule.NEVER_DATE);
    }

    private PointsAccount with(long newBalance, Lots newLots, Map<String, Hold> newHolds) {
        return new PointsAccount(customerId, newBalance, newLots, newHolds, zone, remindedThrough, armedFor);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
