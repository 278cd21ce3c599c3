package dev.storecrm.domain.member;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.event.MemberEvent;
import dev.storecrm.domain.event.MemberEvent.MemberRegistered;
import dev.storecrm.domain.event.MemberEvent.MemberUpdated;
import dev.storecrm.domain.event.Stamp;
import dev.storecrm.domain.time.AnnualDate;
import dev.storecrm.domain.time.RecurringDate;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One customer's archive (客户档案): profile, membership timeline and their purchases in numbers.
 * It stays bounded whatever the history ({@link ArchiveLimits}): the facts of each order live in the
 * OrdersTable, and the record keeps {@link Purchases}.
 *
 * <p>Every part merges commutatively and idempotently: profile fields are last-writer-wins by
 * {@link Stamp}, status changes, birthday and time-zone settings are sets keyed by stamp (the newest
 * kept), purchases follow the order facts ({@link MemberLedger}). Applying any permutation of a set
 * of events, with any duplicates, yields an equal record.
 *
 * @param registered the earliest registration, or {@code null} if the customer never registered
 * @param legacyOrders the orders of an item written before orders moved to the OrdersTable (read
 *        as they are, converted on the member's next write); empty otherwise
 * @param tierLog operators' tier overrides, oldest first ({@link #tierOverrideAt})
 */
public record MemberRecord(String customerId, Profile profile, Map<ProfileField, Stamp> stamps, Stamp registered,
                           List<StatusEntry> statusLog, List<BirthdayEntry> birthdayLog, List<ZoneEntry> zoneLog,
                           Purchases purchases, Map<String, OrderFacts> legacyOrders, List<TierOverride> tierLog) {

    /** Birthday settings in stamp order; one event may set both birthdays, the Gregorian one first. */
    private static final Comparator<BirthdayEntry> BIRTHDAY_ORDER =
            Comparator.comparing(BirthdayEntry::stamp).thenComparing(BirthdayEntry::lunar);

    public MemberRecord {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(purchases, "purchases");
        stamps = stamps.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(stamps));
        statusLog = List.copyOf(statusLog);
        birthdayLog = List.copyOf(birthdayLog);
        zoneLog = List.copyOf(zoneLog);
        legacyOrders = Map.copyOf(legacyOrders);
        tierLog = List.copyOf(tierLog);
    }

    /** A record without tier overrides. */
    public MemberRecord(String customerId, Profile profile, Map<ProfileField, Stamp> stamps, Stamp registered,
                        List<StatusEntry> statusLog, List<BirthdayEntry> birthdayLog, List<ZoneEntry> zoneLog,
                        Purchases purchases, Map<String, OrderFacts> legacyOrders) {
        this(customerId, profile, stamps, registered, statusLog, birthdayLog, zoneLog, purchases, legacyOrders,
                List.of());
    }

    public static MemberRecord newCustomer(String customerId) {
        return new MemberRecord(customerId, Profile.EMPTY, Map.of(), null, List.of(), List.of(), List.of(),
                Purchases.NONE, Map.of());
    }

    /**
     * An item written before orders moved out of it: its purchases are still to be counted from
     * {@link #legacyOrders}.
     */
    public boolean isLegacy() {
        return !legacyOrders.isEmpty();
    }

    /**
     * This record with a member event applied; the same record (equal) when the event changes
     * nothing, for example a duplicate or a profile value older than the one held.
     *
     * @throws InvalidInputException {@code LIMIT_EXCEEDED} for more anniversary kinds than a profile holds
     */
    public MemberRecord apply(MemberEvent event) {
        return switch (event) {
            case MemberRegistered registered -> withRegistration(registered.stamp()).withProfile(registered);
            case MemberUpdated updated -> updated.membership()
                    .map(change -> new StatusEntry(updated.stamp(), change.status(), reason(change.reason()),
                            change.actor()))
                    .map(this::withStatus)
                    .orElse(this)
                    .withTier(updated)
                    .withProfile(updated);
        };
    }

    public MemberRecord withPurchases(Purchases newPurchases) {
        return new MemberRecord(customerId, profile, stamps, registered, statusLog, birthdayLog, zoneLog, newPurchases,
                legacyOrders, tierLog);
    }

    /** When the current birthday value was first set (after the last different value), if any. */
    public Optional<Instant> birthdaySetAt() {
        return birthdayAt(Instant.MAX).map(BirthdayInEffect::setAt);
    }

    /** The birthday in effect at a moment, and since when that value had been given. */
    public record BirthdayInEffect(AnnualDate date, Instant setAt) {}

    /**
     * The birthday the member had given by {@code moment} (the latest setting at or before it), if
     * any: the lunar birthday when one was in effect then, else the Gregorian one.
     */
    public Optional<BirthdayInEffect> birthdayAt(Instant moment) {
        Optional<BirthdayInEffect> lunar = birthdayAt(moment, true);
        return lunar.isPresent() ? lunar : birthdayAt(moment, false);
    }

    private Optional<BirthdayInEffect> birthdayAt(Instant moment, boolean lunar) {
        List<BirthdayEntry> sorted = birthdayLog.stream()
                .filter(e -> e.lunar() == lunar && !e.stamp().at().isAfter(moment))
                .sorted(Comparator.comparing(BirthdayEntry::stamp)).toList();
        if (sorted.isEmpty() || sorted.getLast().value() == null) {
            return Optional.empty();
        }
        AnnualDate current = sorted.getLast().value();
        Instant since = sorted.getLast().stamp().at();
        for (int i = sorted.size() - 2; i >= 0 && current.equals(sorted.get(i).value()); i--) {
            since = sorted.get(i).stamp().at();
        }
        return Optional.of(new BirthdayInEffect(current, since));
    }

    /**
     * The member's time zone at {@code moment}: the latest setting at or before it; the current one
     * for an item written before settings were kept; empty if none was given by then.
     */
    public Optional<ZoneId> zoneAt(Instant moment) {
        if (zoneLog.isEmpty()) {
            return Optional.ofNullable(profile.timeZone());
        }
        return zoneLog.stream().filter(e -> !e.stamp().at().isAfter(moment))
                .max(Comparator.comparing(ZoneEntry::stamp)).map(ZoneEntry::zone);
    }

    private MemberRecord withRegistration(Stamp stamp) {
        if (registered != null && registered.compareTo(stamp) <= 0) {
            return this;
        }
        return new MemberRecord(customerId, profile, stamps, stamp, statusLog, birthdayLog, zoneLog, purchases,
                legacyOrders, tierLog);
    }

    /** The log with a status change added, one per event id ({@link #oncePerEvent}). */
    private MemberRecord withStatus(StatusEntry entry) {
        List<StatusEntry> log = oncePerEvent(statusLog, entry, StatusEntry::stamp, ArchiveLimits.STATUS_CHANGES);
        return log == statusLog ? this : new MemberRecord(customerId, profile, stamps, registered, log, birthdayLog,
                zoneLog, purchases, legacyOrders, tierLog);
    }

    private MemberRecord withTier(MemberUpdated updated) {
        if (updated.tier().isEmpty()) {
            return this;
        }
        MemberEvent.TierChange change = updated.tier().get();
        List<TierOverride> log = oncePerEvent(tierLog, new TierOverride(updated.stamp(), change.tier(), change.until(),
                reason(change.reason()), change.actor()), TierOverride::stamp, ArchiveLimits.TIER_OVERRIDES);
        return log == tierLog ? this : new MemberRecord(customerId, profile, stamps, registered, statusLog,
                birthdayLog, zoneLog, purchases, legacyOrders, log);
    }

    /**
     * The tier override in effect at {@code moment}: the newest made by then, if it has not ended. A
     * newer override replaces an older one even if it ends sooner.
     */
    public Optional<TierOverride> tierOverrideAt(Instant moment) {
        return tierLog.stream().filter(o -> !o.stamp().at().isAfter(moment))
                .max(Comparator.comparing(TierOverride::stamp)).filter(o -> o.holdsAt(moment));
    }

    /**
     * The log with an operator's entry added. An event id is one change (an operator action's id comes
     * from its request key): sent again at another time, the earliest of its stamps is kept, whatever
     * the order.
     */
    private static <T> List<T> oncePerEvent(List<T> log, T entry, Function<T, Stamp> stampOf, int limit) {
        String eventId = stampOf.apply(entry).eventId();
        Optional<T> same = log.stream().filter(e -> stampOf.apply(e).eventId().equals(eventId)).findFirst();
        if (same.isPresent() && stampOf.apply(same.get()).compareTo(stampOf.apply(entry)) <= 0) {
            return log;
        }
        List<T> others = same.isEmpty() ? log
                : log.stream().filter(e -> !stampOf.apply(e).eventId().equals(eventId)).toList();
        return added(others, entry, Comparator.comparing(stampOf), limit);
    }

    private MemberRecord withProfile(MemberEvent event) {
        return withProfileChanges(event.profile(), event.stamp());
    }

    /**
     * This record with profile changes made at {@code stamp} (a member event's, or the contact
     * details of a checkout).
     *
     * @throws InvalidInputException {@code LIMIT_EXCEEDED} for more anniversary kinds than a profile holds
     */
    @SuppressWarnings("unchecked")
    public MemberRecord withProfileChanges(ProfileChanges changes, Stamp stamp) {
        Profile newProfile = profile;
        Map<ProfileField, Stamp> newStamps = new EnumMap<>(ProfileField.class);
        newStamps.putAll(stamps);
        List<BirthdayEntry> newBirthdays = birthdayLog;
        List<ZoneEntry> newZones = zoneLog;
        for (ProfileField field : changes.fields()) {
            Object value = changes.values().get(field);
            switch (field) {
                case BIRTHDAY, BIRTHDAY_LUNAR -> newBirthdays = added(newBirthdays,
                        new BirthdayEntry(stamp, (AnnualDate) value, field == ProfileField.BIRTHDAY_LUNAR),
                        BIRTHDAY_ORDER, ArchiveLimits.BIRTHDAY_SETTINGS);
                case TIME_ZONE -> newZones = added(newZones, new ZoneEntry(stamp, (ZoneId) value),
                        Comparator.comparing(ZoneEntry::stamp),
                        ArchiveLimits.TIME_ZONE_SETTINGS);
                case ANNIVERSARIES -> requireFewKinds((Map<String, RecurringDate>) value);
                default -> { }
            }
            if (stamp.isAfter(newStamps.get(field))) {
                newProfile = newProfile.with(field, value);
                newStamps.put(field, stamp);
            }
        }
        MemberRecord changed = new MemberRecord(customerId, newProfile, newStamps, registered, statusLog,
                newBirthdays, newZones, purchases, legacyOrders, tierLog);
        return changed.equals(this) ? this : changed;
    }

    private static void requireFewKinds(Map<String, RecurringDate> anniversaries) {
        if (anniversaries != null && anniversaries.size() > ArchiveLimits.ANNIVERSARY_KINDS) {
            throw new InvalidInputException(RejectReason.LIMIT_EXCEEDED, "profile.anniversaries has "
                    + anniversaries.size() + " kinds; a profile holds at most " + ArchiveLimits.ANNIVERSARY_KINDS);
        }
    }

    private static String reason(String reason) {
        int limit = ArchiveLimits.STATUS_REASON_CHARACTERS;
        return reason == null || reason.codePointCount(0, reason.length()) <= limit ? reason
                : reason.substring(0, reason.offsetByCodePoints(0, limit));
    }

    /**
     * The log with the entry added (unless one in its place in {@code order} is there), oldest first,
     * the newest {@code limit} kept.
     */
    private static <T> List<T> added(List<T> log, T entry, Comparator<T> order, int limit) {
        if (log.stream().anyMatch(e -> order.compare(e, entry) == 0)) {
            return log;
        }
        List<T> sorted = new ArrayList<>(log);
        sorted.add(entry);
        sorted.sort(order);
        List<T> kept = sorted.size() <= limit ? sorted : sorted.subList(sorted.size() - limit, sorted.size());
        return kept.contains(entry) ? List.copyOf(kept) : log;
    }
}
