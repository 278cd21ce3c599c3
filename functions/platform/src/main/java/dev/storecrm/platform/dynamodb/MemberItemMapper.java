package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.bool;
import static dev.storecrm.platform.dynamodb.Attributes.l;
import static dev.storecrm.platform.dynamodb.Attributes.m;
import static dev.storecrm.platform.dynamodb.Attributes.n;
import static dev.storecrm.platform.dynamodb.Attributes.putIfPresent;
import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.domain.Revisioned;
import dev.storecrm.domain.event.Stamp;
import dev.storecrm.domain.member.ArchivedOrder;
import dev.storecrm.domain.member.BirthdayEntry;
import dev.storecrm.domain.member.Consent;
import dev.storecrm.domain.member.ContactPreference;
import dev.storecrm.domain.member.MemberRecord;
import dev.storecrm.domain.member.MemberSummary;
import dev.storecrm.domain.member.MembershipStatus;
import dev.storecrm.domain.member.OrderFacts;
import dev.storecrm.domain.member.Profile;
import dev.storecrm.domain.member.ProfileField;
import dev.storecrm.domain.member.Purchases;
import dev.storecrm.domain.member.StatusEntry;
import dev.storecrm.domain.member.TierOverride;
import dev.storecrm.domain.member.ZoneEntry;
import dev.storecrm.domain.memberview.ContactKeys;
import dev.storecrm.domain.time.AnnualDate;
import dev.storecrm.domain.time.LunarDate;
import dev.storecrm.domain.time.RecurringDate;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Explicit mapping between a {@link MemberRecord} and its MembersTable item.
 *
 * <pre>
 * customerId (S, partition key)   rev (N, optimistic lock)
 * profile:  name email phone locale timeZone birthday birthdayLunar country contactPreference referrerId (S)
 *           anniversaries (M kind -> S date)  consent (M granted BOOL, at S, source S)
 * merge state (what makes events commute):
 *           stamps      (M encoded stamp -> S comma-separated profile fields it last set)
 *           registered  (S stamp)
 *           statusLog   (L of S "stamp|status|reason")
 *           statusActors (M encoded stamp -> S actor: who made each operator's status change; left out when none)
 *           tierLog     (L of M stamp, tier, until, reason, actor: operators' tier overrides; left out when none)
 *           birthdayLog (L of S "stamp|date", date empty when cleared; a lunar setting's date is
 *                        lunar-MM-DD or lunar-leap-MM-DD, just "lunar-" when cleared)
 *           zoneLog     (L of S "zone|stamp", zone empty when cleared)
 *           (either log is left out when it holds only the current value with the stamp that set it)
 * purchases (bounded, see PurchasesAttributes): orderCount lifetimeSpend points (N) lastOrderAt (S) ...
 * unsettled (M orderId -> M, OrderItemMapper's compact form): the order writes of this save, until the next
 * summary, derived at write time for queries and people reading the table:
 *           status memberSince tier tierHeldUntil updatedAt (S)
 * lookup keys (the member view's indexes): emailKey phoneKey (S, ContactKeys' normalised forms)
 * </pre>
 * Stamps that set several fields are stored once with the list of fields, which keeps the item small.
 * An item written before orders moved to the OrdersTable has {@code orders} (M orderId -> M, the
 * compact form) instead of the purchases: it is read as a record with {@link MemberRecord#legacyOrders}.
 */
public final class MemberItemMapper {

    private static final String LUNAR_CLEARED = "lunar-";

    private MemberItemMapper() {}

    public static Map<String, AttributeValue> toItem(MemberRecord record, MemberSummary summary, long revision,
                                                     Instant now) {
        return toItem(record, summary, revision, now, List.of());
    }

    public static Map<String, AttributeValue> toItem(MemberRecord record, MemberSummary summary, long revision,
                                                     Instant now, Collection<ArchivedOrder> unsettled) {
        if (record.isLegacy()) {
            throw new IllegalArgumentException("a record with legacy orders is converted before it is saved");
        }
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("customerId", s(record.customerId()));
        item.put("rev", n(revision));
        putProfile(item, record.profile());
        putTimeline(item, record);
        PurchasesAttributes.put(item, record.purchases());
        if (!unsettled.isEmpty()) {
            Map<String, AttributeValue> orders = new HashMap<>();
            unsettled.forEach(order -> orders.put(order.orderId(), m(OrderItemMapper.compact(order))));
            item.put("unsettled", m(orders));
        }
        item.put("status", s(summary.status().wire()));
        summary.memberSince().ifPresent(at -> item.put("memberSince", s(at.toString())));
        summary.tier().ifPresent(tier -> item.put("tier", s(tier)));
        summary.tierHeldUntil().ifPresent(at -> item.put("tierHeldUntil", s(at.toString())));
        item.put("updatedAt", s(now.toString()));
        return item;
    }

    public static Revisioned<MemberRecord> fromItem(Map<String, AttributeValue> item) {
        String customerId = Attributes.string(item, "customerId").orElseThrow();
        Map<ProfileField, Stamp> stamps = new EnumMap<>(ProfileField.class);
        Attributes.map(item, "stamps").forEach((stamp, fields) -> {
            for (String field : fields.s().split(",")) {
                stamps.put(ProfileField.fromWire(field).orElseThrow(), Stamp.decode(stamp));
            }
        });
        Stamp registered = Attributes.string(item, "registered").map(Stamp::decode).orElse(null);
        Map<String, AttributeValue> actors = Attributes.map(item, "statusActors");
        List<StatusEntry> statusLog = Attributes.list(item, "statusLog").stream().map(v -> {
            String[] parts = v.s().split("\\|", 3);
            return new StatusEntry(Stamp.decode(parts[0]),
                    MembershipStatus.valueOf(parts[1].toUpperCase(java.util.Locale.ROOT)),
                    parts[2].isEmpty() ? null : parts[2],
                    actors.containsKey(parts[0]) ? actors.get(parts[0]).s() : null);
        }).toList();
        Profile profile = profile(item);
        List<BirthdayEntry> birthdayLog = !item.containsKey("birthdayLog") ? birthdayLogOf(profile, stamps)
                : Attributes.list(item, "birthdayLog").stream().map(v -> {
                    String[] parts = v.s().split("\\|", 2);
                    boolean lunar = parts[1].startsWith(LUNAR_CLEARED);
                    boolean cleared = parts[1].isEmpty() || parts[1].equals(LUNAR_CLEARED);
                    return new BirthdayEntry(Stamp.decode(parts[0]), cleared ? null : AnnualDate.parse(parts[1]),
                            lunar);
                }).toList();
        List<ZoneEntry> zoneLog = !item.containsKey("zoneLog") ? zoneLogOf(profile, stamps)
                : Attributes.list(item, "zoneLog").stream().map(v -> {
                    String[] parts = v.s().split("\\|", 2);
                    return new ZoneEntry(Stamp.decode(parts[1]), parts[0].isEmpty() ? null : ZoneId.of(parts[0]));
                }).toList();
        Map<String, OrderFacts> legacyOrders = new HashMap<>();
        Attributes.map(item, "orders").forEach((orderId, facts) ->
                legacyOrders.put(orderId, OrderItemMapper.factsFromCompact(facts.m())));
        Purchases purchases = legacyOrders.isEmpty() ? PurchasesAttributes.from(item) : Purchases.NONE;
        List<TierOverride> tierLog = Attributes.list(item, "tierLog").stream().map(v -> new TierOverride(
                Stamp.decode(v.m().get("stamp").s()), v.m().get("tier").s(), Instant.parse(v.m().get("until").s()),
                Attributes.string(v.m(), "reason").orElse(null), Attributes.string(v.m(), "actor").orElse(null)))
                .toList();
        MemberRecord record = new MemberRecord(customerId, profile, stamps, registered, statusLog, birthdayLog,
                zoneLog, purchases, legacyOrders, tierLog);
        return new Revisioned<>(record, Attributes.number(item, "rev", 0));
    }

    /** The order writes the item's save carried. */
    public static List<ArchivedOrder> unsettled(Map<String, AttributeValue> item) {
        return Attributes.map(item, "unsettled").entrySet().stream()
                .map(e -> OrderItemMapper.fromCompact(e.getKey(), e.getValue().m())).toList();
    }

    private static void putProfile(Map<String, AttributeValue> item, Profile p) {
        putIfPresent(item, "name", p.name());
        putIfPresent(item, "email", p.email());
        putIfPresent(item, "phone", p.phone());
        // The member view's lookup keys (indexes EmailKey and PhoneKey): the forms a lookup normalises to.
        ContactKeys.emailKey(p.email()).ifPresent(key -> item.put("emailKey", s(key)));
        ContactKeys.phoneKey(p.phone()).ifPresent(key -> item.put("phoneKey", s(key)));
        putIfPresent(item, "locale", p.locale());
        putIfPresent(item, "timeZone", p.timeZone());
        putIfPresent(item, "birthday", p.birthday());
        putIfPresent(item, "birthdayLunar", p.birthdayLunar());
        putIfPresent(item, "country", p.country());
        putIfPresent(item, "contactPreference", p.contactPreference());
        putIfPresent(item, "referrerId", p.referrerId());
        if (!p.anniversaries().isEmpty()) {
            var dates = new TreeMap<String, AttributeValue>();
            p.anniversaries().forEach((kind, date) -> dates.put(kind, s(date.iso())));
            item.put("anniversaries", m(dates));
        }
        if (p.marketingConsent() != null) {
            Consent c = p.marketingConsent();
            item.put("consent", m(Map.of("granted", bool(c.granted()), "at", s(c.at().toString()),
                    "source", s(c.source()))));
        }
    }

    private static void putTimeline(Map<String, AttributeValue> item, MemberRecord record) {
        if (!record.stamps().isEmpty()) {
            var byStamp = new TreeMap<String, List<String>>();
            record.stamps().forEach((field, stamp) ->
                    byStamp.computeIfAbsent(stamp.encode(), k -> new ArrayList<>()).add(field.wire()));
            var stamps = new HashMap<String, AttributeValue>();
            byStamp.forEach((stamp, fields) -> stamps.put(stamp, s(String.join(",", fields))));
            item.put("stamps", m(stamps));
        }
        if (record.registered() != null) {
            item.put("registered", s(record.registered().encode()));
        }
        if (!record.statusLog().isEmpty()) {
            item.put("statusLog", l(record.statusLog().stream()
                    .map(e -> s(e.stamp().encode() + "|" + e.status().wire() + "|"
                            + (e.reason() == null ? "" : e.reason())))
                    .toList()));
            Map<String, AttributeValue> actors = new HashMap<>();
            record.statusLog().stream().filter(e -> e.actor() != null)
                    .forEach(e -> actors.put(e.stamp().encode(), s(e.actor())));
            if (!actors.isEmpty()) {
                item.put("statusActors", m(actors));
            }
        }
        if (!record.tierLog().isEmpty()) {
            item.put("tierLog", l(record.tierLog().stream().map(o -> {
                Map<String, AttributeValue> entry = new HashMap<>();
                entry.put("stamp", s(o.stamp().encode()));
                entry.put("tier", s(o.tier()));
                entry.put("until", s(o.until().toString()));
                putIfPresent(entry, "reason", o.reason());
                putIfPresent(entry, "actor", o.actor());
                return m(entry);
            }).toList()));
        }
        if (!record.birthdayLog().equals(birthdayLogOf(record.profile(), record.stamps()))) {
            item.put("birthdayLog", l(record.birthdayLog().stream()
                    .map(e -> s(e.stamp().encode() + "|" + (e.value() != null ? e.value().iso()
                            : e.lunar() ? LUNAR_CLEARED : "")))
                    .toList()));
        }
        if (!record.zoneLog().equals(zoneLogOf(record.profile(), record.stamps()))) {
            item.put("zoneLog", l(record.zoneLog().stream()
                    .map(e -> s((e.zone() == null ? "" : e.zone().getId()) + "|" + e.stamp().encode()))
                    .toList()));
        }
    }

    /**
     * The log of a member who set the field once (or last, after settings before were dropped),
     * which the item does not repeat: the field's value with the stamp that set it.
     */
    private static List<BirthdayEntry> birthdayLogOf(Profile profile, Map<ProfileField, Stamp> stamps) {
        List<BirthdayEntry> log = new ArrayList<>();
        Stamp set = stamps.get(ProfileField.BIRTHDAY);
        if (set != null && profile.birthday() != null) {
            log.add(new BirthdayEntry(set, profile.birthday()));
        }
        Stamp lunarSet = stamps.get(ProfileField.BIRTHDAY_LUNAR);
        if (lunarSet != null && profile.birthdayLunar() != null) {
            log.add(new BirthdayEntry(lunarSet, profile.birthdayLunar(), true));
        }
        log.sort(Comparator.comparing(BirthdayEntry::stamp).thenComparing(BirthdayEntry::lunar));
        return List.copyOf(log);
    }

    private static List<ZoneEntry> zoneLogOf(Profile profile, Map<ProfileField, Stamp> stamps) {
        Stamp set = stamps.get(ProfileField.TIME_ZONE);
        return set == null || profile.timeZone() == null ? List.of() : List.of(new ZoneEntry(set, profile.timeZone()));
    }

    private static Profile profile(Map<String, AttributeValue> item) {
        return new Profile(
                Attributes.string(item, "name").orElse(null),
                Attributes.string(item, "email").orElse(null),
                Attributes.string(item, "phone").orElse(null),
                Attributes.string(item, "locale").orElse(null),
                Attributes.string(item, "timeZone").map(ZoneId::of).orElse(null),
                Attributes.string(item, "birthday").map(RecurringDate::parse).orElse(null),
                anniversaries(item),
                Attributes.string(item, "country").orElse(null),
                Attributes.string(item, "contactPreference").map(ContactPreference::valueOf).orElse(null),
                consent(item),
                Attributes.string(item, "referrerId").orElse(null),
                Attributes.string(item, "birthdayLunar").map(LunarDate::parse).orElse(null));
    }

    private static Map<String, RecurringDate> anniversaries(Map<String, AttributeValue> item) {
        Map<String, RecurringDate> dates = new HashMap<>();
        Attributes.map(item, "anniversaries").forEach((kind, date) -> dates.put(kind, RecurringDate.parse(date.s())));
        return dates;
    }

    private static Consent consent(Map<String, AttributeValue> item) {
        var consent = Attributes.map(item, "consent");
        if (consent.isEmpty()) {
            return null;
        }
        return new Consent(consent.get("granted").bool(), Instant.parse(consent.get("at").s()),
                consent.get("source").s());
    }
}
