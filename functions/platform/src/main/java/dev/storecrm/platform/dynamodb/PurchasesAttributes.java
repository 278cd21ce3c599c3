package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.l;
import static dev.storecrm.platform.dynamodb.Attributes.m;
import static dev.storecrm.platform.dynamodb.Attributes.n;
import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.domain.event.Stamp;
import dev.storecrm.domain.member.ArchiveLimits;
import dev.storecrm.domain.member.Purchases;
import dev.storecrm.domain.member.Purchases.Enrolment;
import dev.storecrm.domain.member.Purchases.MonthSpend;
import dev.storecrm.domain.member.Purchases.Payment;
import dev.storecrm.domain.member.Purchases.Repricing;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Explicit mapping of a member's {@link Purchases} on the MembersTable item. The counters
 * {@code orderCount}, {@code lifetimeSpend}, {@code points} and the time {@code lastOrderAt} are
 * the ones people and queries read; the rest:
 *
 * <pre>
 * refundCount refunded (N)      firstOrderAt (S instant, left out when it is lastOrderAt)
 * firstPayment (S stamp, left out while every payment is in recent)
 * enrolment   (S "grossBefore|crossing stamp", the stamp empty until the threshold is reached)
 * months      (M "2026-05" -> S "net firstMs lastMs": milliseconds from the month's start, UTC)
 * recent      (L of M { o: order id, p: "amount|stamp" }, newest first)
 * repricing   (S "from|to|after stamp", only while a re-pricing is under way)
 * </pre>
 */
final class PurchasesAttributes {

    private PurchasesAttributes() {}

    static void put(Map<String, AttributeValue> item, Purchases p) {
        item.put("orderCount", n(p.orderCount()));
        item.put("lifetimeSpend", n(p.lifetimeSpendMinor()));
        item.put("points", n(p.points()));
        if (p.lastOrderAt() != null) {
            item.put("lastOrderAt", s(p.lastOrderAt().toString()));
        }
        if (p.refundCount() != 0) {
            item.put("refundCount", n(p.refundCount()));
            item.put("refunded", n(p.refundedMinor()));
        }
        if (p.firstOrderAt() != null && !p.firstOrderAt().equals(p.lastOrderAt())) {
            item.put("firstOrderAt", s(p.firstOrderAt().toString()));
        }
        if (p.firstPayment() != null && !p.firstPayment().equals(firstOfRecent(p.recent()))) {
            item.put("firstPayment", s(p.firstPayment().encode()));
        }
        if (p.enrolment() != null) {
            Stamp crossing = p.enrolment().crossing();
            item.put("enrolment", s(p.enrolment().grossBefore() + "|" + (crossing == null ? "" : crossing.encode())));
        }
        if (!p.months().isEmpty()) {
            Map<String, AttributeValue> months = new HashMap<>();
            p.months().forEach((month, spend) -> months.put(month.toString(), s(spend.netMinor() + " "
                    + offset(month, spend.first()) + " " + offset(month, spend.last()))));
            item.put("months", m(months));
        }
        if (!p.recent().isEmpty()) {
            item.put("recent", l(p.recent().stream().map(pay -> m(Map.of("o", s(pay.orderId()),
                    "p", s(pay.amountMinor() + "|" + pay.stamp().encode())))).toList()));
        }
        if (p.repricing() != null) {
            Repricing r = p.repricing();
            item.put("repricing", s(r.from() + "|" + r.to() + "|" + (r.after() == null ? "" : r.after().encode())));
        }
    }

    static Purchases from(Map<String, AttributeValue> item) {
        Enrolment enrolment = Attributes.string(item, "enrolment").map(text -> {
            String[] parts = text.split("\\|", 2);
            return new Enrolment(parts[1].isEmpty() ? null : Stamp.decode(parts[1]), Long.parseLong(parts[0]));
        }).orElse(null);
        TreeMap<YearMonth, MonthSpend> months = new TreeMap<>();
        Attributes.map(item, "months").forEach((key, value) -> {
            YearMonth month = YearMonth.parse(key);
            String[] parts = value.s().split(" ");
            months.put(month, new MonthSpend(Long.parseLong(parts[0]), at(month, parts[1]), at(month, parts[2])));
        });
        List<Payment> recent = Attributes.list(item, "recent").stream().map(v -> {
            String[] parts = v.m().get("p").s().split("\\|", 2);
            return new Payment(v.m().get("o").s(), Stamp.decode(parts[1]), Long.parseLong(parts[0]));
        }).toList();
        Repricing repricing = Attributes.string(item, "repricing").map(text -> {
            String[] parts = text.split("\\|", 3);
            return new Repricing(Instant.parse(parts[0]), Instant.parse(parts[1]),
                    parts[2].isEmpty() ? null : Stamp.decode(parts[2]));
        }).orElse(null);
        return new Purchases(Attributes.number(item, "orderCount", 0), Attributes.number(item, "lifetimeSpend", 0),
                Attributes.number(item, "refundCount", 0), Attributes.number(item, "refunded", 0),
                Attributes.number(item, "points", 0),
                item.containsKey("firstOrderAt") ? instant(item, "firstOrderAt") : instant(item, "lastOrderAt"),
                instant(item, "lastOrderAt"),
                Attributes.string(item, "firstPayment").map(Stamp::decode).orElseGet(() -> firstOfRecent(recent)),
                enrolment, months, recent, repricing);
    }

    /** While the member has fewer payments than the item names, the first of them is the first payment. */
    private static Stamp firstOfRecent(List<Payment> recent) {
        return recent.isEmpty() || recent.size() >= ArchiveLimits.RECENT_PAYMENTS ? null : recent.getLast().stamp();
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        return Attributes.string(item, name).map(Instant::parse).orElse(null);
    }

    private static long offset(YearMonth month, Instant at) {
        return at.toEpochMilli() - start(month).toEpochMilli();
    }

    private static Instant at(YearMonth month, String offsetMillis) {
        return start(month).plusMillis(Long.parseLong(offsetMillis));
    }

    private static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
