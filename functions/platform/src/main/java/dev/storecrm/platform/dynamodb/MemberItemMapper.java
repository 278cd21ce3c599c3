package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.bool;
import static dev.storecrm.platform.dynamodb.Attributes.l;
import static dev.storecrm.platform.dynamodb.Attributes.m;
import static dev.storecrm.platform.dynamodb.Attributes.n;
import static dev.storecrm.platform.dynamodb.Attributes.putIfPresent;
import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.domain.Revisioned;
import dev.storecrm.domain.event.Stamp;
import dev.storecrm.domain.member.BirthdayEntry;
import dev.storecrm.domain.member.Consent;
import dev.storecrm.domain.member.ContactPreference;
import dev.storecrm.domain.member.MemberRecord;
import dev.storecrm.domain.member.MemberSummary;
import dev.storecrm.domain.member.MembershipStatus;
import dev.storecrm.domain.member.OrderFacts;
import dev.storecrm.domain.member.Profile;
import dev.storecrm.domain.member.ProfileField;
import dev.storecrm.domain.member.StatusEntry;
import dev.storecrm.domain.time.RecurringDate;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
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
 * profile:  name email phone locale timeZone birthday country contactPreference referrerId (S)
 *           anniversaries (M kind -> S date)  consent (M granted BOOL, at S, source S)
 * merge state (what makes events commute):
 *           stamps     (M encoded stamp -> S comma-separated profile fields it last set)
 *           registered (S stamp)
 *           statusLog  (L of S "stamp|status|reason")
 *           birthdayLog (L of S "stamp|date", date empty when cleared)
 *           orders     (M orderId -> M { p: S "amount|stamp", c: S stamp, r: M refundId -> S "amount|stamp" })
 * summary, derived at write time for queries and people reading the table:
 *           status memberSince tier tierHeldUntil lastOrderAt updatedAt (S)  points orderCount lifetimeSpend (N)
 * </pre>
 * Stamps that set several fields are stored once with the list of fields, which keeps the item small.
 */
public final class MemberItemMapper {

    private MemberItemMapper() {}

    public static Map<String, AttributeValue> toItem(MemberRecord record, MemberSummary summary, long revision, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("customerId", s(record.customerId()));
        item.put("rev", n(revision));

        Profile p = record.profile();
        putIfPresent(item, "name", p.name());
        putIfPresent(item, "email", p.email());
        putIfPresent(item, "phone", p.phone());
        putIfPresent(item, "locale", p.locale());
        putIfPresent(item, "timeZone", p.timeZone());
        putIfPresent(item, "birthday", p.birthday());
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
        }
        if (!record.birthdayLog().isEmpty()) {
            item.put("birthdayLog", l(record.birthdayLog().stream()
                    .map(e -> s(e.stamp().encode() + "|" + (e.value() == null ? "" : e.value().iso())))
                    .toList()));
        }
        if (!record.orders().isEmpty()) {
            var orders = new HashMap<String, AttributeValue>();
            record.orders().forEach((orderId, facts) -> orders.put(orderId, m(orderFacts(facts))));
            item.put("orders", m(orders));
        }

        item.put("status", s(summary.status().wire()));
        summary.memberSince().ifPresent(at -> item.put("memberSince", s(at.toString())));
        summary.tier().ifPresent(tier -> item.put("tier", s(tier)));
        summary.tierHeldUntil().ifPresent(at -> item.put("tierHeldUntil", s(at.toString())));
        summary.lastOrderAt().ifPresent(at -> item.put("lastOrderAt", s(at.toString())));
        item.put("points", n(summary.points()));
        item.put("orderCount", n(summary.orderCount()));
        item.put("lifetimeSpend", n(summary.lifetimeSpendMinor()));
        item.put("updatedAt", s(now.toString()));
        return item;
    }

    public static Revisioned<MemberRecord> fromItem(Map<String, AttributeValue> item) {
        String customerId = Attributes.string(item, "customerId").orElseThrow();
        Profile profile = new Profile(
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
                Attributes.string(item, "referrerId").orElse(null));

        Map<ProfileField, Stamp> stamps = new EnumMap<>(ProfileField.class);
        Attributes.map(item, "stamps").forEach((stamp, fields) -> {
            for (String field : fields.s().split(",")) {
                stamps.put(ProfileField.fromWire(field).orElseThrow(), Stamp.decode(stamp));
            }
        });
        Stamp registered = Attributes.string(item, "registered").map(Stamp::decode).orElse(null);
        List<StatusEntry> statusLog = Attributes.list(item, "statusLog").stream().map(v -> {
            String[] parts = v.s().split("\\|", 3);
            return new StatusEntry(Stamp.decode(parts[0]),
                    MembershipStatus.valueOf(parts[1].toUpperCase(java.util.Locale.ROOT)),
                    parts[2].isEmpty() ? null : parts[2]);
        }).toList();
        List<BirthdayEntry> birthdayLog = Attributes.list(item, "birthdayLog").stream().map(v -> {
            String[] parts = v.s().split("\\|", 2);
            return new BirthdayEntry(Stamp.decode(parts[0]), parts[1].isEmpty() ? null : RecurringDate.parse(parts[1]));
        }).toList();
        Map<String, OrderFacts> orders = new HashMap<>();
        Attributes.map(item, "orders").forEach((orderId, facts) -> orders.put(orderId, orderFacts(facts.m())));

        MemberRecord record = new MemberRecord(customerId, profile, stamps, registered, statusLog, birthdayLog, orders);
        return new Revisioned<>(record, Attributes.number(item, "rev", 0));
    }

    private static Map<String, AttributeValue> orderFacts(OrderFacts facts) {
        var map = new HashMap<String, AttributeValue>();
        if (facts.payment() != null) {
            map.put("p", s(facts.payment().amountMinor() + "|" + facts.payment().stamp().encode()));
        }
        if (facts.cancelled() != null) {
            map.put("c", s(facts.cancelled().encode()));
        }
        if (!facts.refunds().isEmpty()) {
            var refunds = new HashMap<String, AttributeValue>();
            facts.refunds().forEach((id, refund) ->
                    refunds.put(id, s(refund.amountMinor() + "|" + refund.stamp().encode())));
            map.put("r", m(refunds));
        }
        return map;
    }

    private static OrderFacts orderFacts(Map<String, AttributeValue> map) {
        OrderFacts facts = OrderFacts.NONE;
        if (map.containsKey("p")) {
            String[] parts = map.get("p").s().split("\\|", 2);
            facts = facts.withPayment(Stamp.decode(parts[1]), Long.parseLong(parts[0]));
        }
        if (map.containsKey("c")) {
            facts = facts.withCancellation(Stamp.decode(map.get("c").s()));
        }
        if (map.containsKey("r")) {
            for (var refund : map.get("r").m().entrySet()) {
                String[] parts = refund.getValue().s().split("\\|", 2);
                facts = facts.withRefund(refund.getKey(), Stamp.decode(parts[1]), Long.parseLong(parts[0]));
            }
        }
        return facts;
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
        return new Consent(consent.get("granted").bool(), Instant.parse(consent.get("at").s()), consent.get("source").s());
    }
}
