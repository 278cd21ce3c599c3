package dev.storecrm.domain.member;

import dev.storecrm.domain.event.CartEvent;
import dev.storecrm.domain.event.DisputeEvent;
import dev.storecrm.domain.event.MemberEvent;
import dev.storecrm.domain.event.MemberEvent.MemberRegistered;
import dev.storecrm.domain.event.MemberEvent.MemberUpdated;
import dev.storecrm.domain.event.OrderEvent.OrderCancelled;
import dev.storecrm.domain.event.OrderEvent.OrderPaid;
import dev.storecrm.domain.event.OrderEvent.OrderPlaced;
import dev.storecrm.domain.event.OrderEvent.OrderRefunded;
import dev.storecrm.domain.event.Stamp;
import dev.storecrm.domain.event.StoreEvent;
import dev.storecrm.domain.time.RecurringDate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One customer's archive (客户档案): profile, membership timeline and the facts of their orders.
 *
 * <p>Every part merges commutatively and idempotently: profile fields are last-writer-wins by
 * {@link Stamp}, status changes and birthday settings are sets keyed by event id, order facts merge
 * as {@link OrderFacts} describes. Applying any permutation of a set of events, with any
 * duplicates, yields an equal record. Everything else the archive shows (points, tier, spend,
 * membership start) is derived from this state by {@link MemberSummary}.
 *
 * @param registered the earliest registration, or {@code null} if the customer never registered
 */
public record MemberRecord(String customerId, Profile profile, Map<ProfileField, Stamp> stamps, Stamp registered,
                           List<StatusEntry> statusLog, List<BirthdayEntry> birthdayLog,
                           Map<String, OrderFacts> orders) {

    /** Status changes and birthday settings kept per member; the oldest fall off beyond this. */
    public static final int HISTORY_LIMIT = 50;

    public MemberRecord {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(profile, "profile");
        stamps = stamps.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(stamps));
        statusLog = List.copyOf(statusLog);
        birthdayLog = List.copyOf(birthdayLog);
        orders = Map.copyOf(orders);
    }

    public static MemberRecord newCustomer(String customerId) {
        return new MemberRecord(customerId, Profile.EMPTY, Map.of(), null, List.of(), List.of(), Map.of());
    }

    /**
     * This record with the event applied; the same record (equal) when the event changes nothing,
     * for example a duplicate or a profile value older than the one held.
     */
    public MemberRecord apply(StoreEvent event) {
        return switch (event) {
            case MemberRegistered registered -> withRegistration(registered.stamp()).withProfile(registered);
            case MemberUpdated updated -> updated.membership()
                    .map(change -> withStatus(new StatusEntry(updated.stamp(), change.status(), change.reason())))
                    .orElse(this)
                    .withProfile(updated);
            case OrderPaid paid -> withOrder(paid.orderId(),
                    order(paid.orderId()).withPayment(paid.stamp(), paid.amount().minor()))
                    .withProfileChanges(paid.contact(), paid.stamp());
            case OrderCancelled cancelled ->
                    withOrder(cancelled.orderId(), order(cancelled.orderId()).withCancellation(cancelled.stamp()));
            case OrderRefunded refunded -> withOrder(refunded.orderId(),
                    order(refunded.orderId()).withRefund(refunded.refundId(), refunded.stamp(), refunded.amount().minor()));
            case OrderPlaced placed -> this;
            case CartEvent cart -> throw new IllegalArgumentException("cart events do not change a member archive");
            case DisputeEvent dispute ->
                    throw new IllegalArgumentException("dispute events do not change a member archive");
        };
    }

    public OrderFacts order(String orderId) {
        return orders.getOrDefault(orderId, OrderFacts.NONE);
    }

    /** When the current birthday value was first set (after the last different value), if any. */
    public Optional<Instant> birthdaySetAt() {
        List<BirthdayEntry> sorted = birthdayLog.stream().sorted(Comparator.comparing(BirthdayEntry::stamp)).toList();
        if (sorted.isEmpty() || sorted.getLast().value() == null) {
            return Optional.empty();
        }
        RecurringDate current = sorted.getLast().value();
        Instant since = sorted.getLast().stamp().at();
        for (int i = sorted.size() - 2; i >= 0 && current.equals(sorted.get(i).value()); i--) {
            since = sorted.get(i).stamp().at();
        }
        return Optional.of(since);
    }

    private MemberRecord withRegistration(Stamp stamp) {
        if (registered != null && registered.compareTo(stamp) <= 0) {
            return this;
        }
        return new MemberRecord(customerId, profile, stamps, stamp, statusLog, birthdayLog, orders);
    }

    private MemberRecord withStatus(StatusEntry entry) {
        if (statusLog.stream().anyMatch(e -> e.stamp().equals(entry.stamp()))) {
            return this;
        }
        List<StatusEntry> log = new ArrayList<>(statusLog);
        log.add(entry);
        log.sort(Comparator.comparing(StatusEntry::stamp));
        return new MemberRecord(customerId, profile, stamps, registered, newest(log), birthdayLog, orders);
    }

    private MemberRecord withOrder(String orderId, OrderFacts facts) {
        if (facts.equals(order(orderId))) {
            return this;
        }
        Map<String, OrderFacts> merged = new HashMap<>(orders);
        merged.put(orderId, facts);
        return new MemberRecord(customerId, profile, stamps, registered, statusLog, birthdayLog, merged);
    }

    private MemberRecord withProfile(MemberEvent event) {
        return withProfileChanges(event.profile(), event.stamp());
    }

    private MemberRecord withProfileChanges(ProfileChanges changes, Stamp stamp) {
        Profile newProfile = profile;
        Map<ProfileField, Stamp> newStamps = new EnumMap<>(ProfileField.class);
        newStamps.putAll(stamps);
        List<BirthdayEntry> newBirthdays = birthdayLog;
        for (ProfileField field : changes.fields()) {
            Object value = changes.values().get(field);
            if (field == ProfileField.BIRTHDAY
                    && newBirthdays.stream().noneMatch(e -> e.stamp().equals(stamp))) {
                List<BirthdayEntry> log = new ArrayList<>(newBirthdays);
                log.add(new BirthdayEntry(stamp, (RecurringDate) value));
                log.sort(Comparator.comparing(BirthdayEntry::stamp));
                newBirthdays = newest(log);
            }
            if (stamp.isAfter(newStamps.get(field))) {
                newProfile = newProfile.with(field, value);
                newStamps.put(field, stamp);
            }
        }
        MemberRecord changed = new MemberRecord(customerId, newProfile, newStamps, registered, statusLog,
                newBirthdays, orders);
        return changed.equals(this) ? this : changed;
    }

    private static <T> List<T> newest(List<T> sortedOldestFirst) {
        int size = sortedOldestFirst.size();
        return size <= HISTORY_LIMIT ? sortedOldestFirst : sortedOldestFirst.subList(size - HISTORY_LIMIT, size);
    }
}
