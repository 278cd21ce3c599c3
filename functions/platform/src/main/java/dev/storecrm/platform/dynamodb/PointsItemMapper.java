package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.bool;
import static dev.storecrm.platform.dynamodb.Attributes.m;
import static dev.storecrm.platform.dynamodb.Attributes.n;
import static dev.storecrm.platform.dynamodb.Attributes.putIfPresent;
import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.domain.Revisioned;
import dev.storecrm.domain.loyalty.EntryKind;
import dev.storecrm.domain.loyalty.Hold;
import dev.storecrm.domain.loyalty.LedgerEntry;
import dev.storecrm.domain.loyalty.Lots;
import dev.storecrm.domain.loyalty.OrderPointsState;
import dev.storecrm.domain.loyalty.PointsAccount;
import dev.storecrm.domain.loyalty.Posting;
import dev.storecrm.domain.loyalty.Redemption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The items of the PointsLedgerTable (partition key {@code customerId}, sort key {@code record}):
 * <ul>
 *   <li>{@code account}: {@code rev}, {@code balance}, {@code lots} (M expiry date to points),
 *       {@code holds} (M order id to {@code points}, {@code taken}, {@code expiresAt}), {@code zone},
 *       {@code remindedThrough}, {@code armedFor}: bounded by the expiry rule and the reservation limit;</li>
 *   <li>{@code order#<orderId>}: {@code rev} (the account revision that wrote it), {@code memberRev},
 *       {@code earned}, {@code bonus}, {@code paidMinor}, {@code refundedMinor}, {@code cancelled},
 *       {@code redemption} (M: {@code status}, {@code points}, {@code taken}, {@code returned},
 *       {@code reservedAt}, {@code expiresAt}, {@code settledAt}); kept like the order itself;</li>
 *   <li>{@code request#<key>}: an adjustment's or reward's request, made once; TTL {@code expiresAt};</li>
 *   <li>{@code entry#<sequence, 12 digits>#<index>}: one entry ({@code kind}, {@code points},
 *       {@code lots}, {@code balanceAfter}, {@code recordedAt}, {@code source}, {@code effectiveAt},
 *       {@code uncollected}, {@code actor}, {@code reason}); TTL {@code expiresAt}.</li>
 * </ul>
 */
public final class PointsItemMapper {

    public static final String ACCOUNT = "account";

    private PointsItemMapper() {}

    public static String orderRecord(String orderId) {
        return "order#" + orderId;
    }

    public static String requestRecord(String key) {
        return "request#" + key;
    }

    public static String entryRecord(long sequence, int index) {
        return String.format("entry#%012d#%d", sequence, index);
    }

    public static Map<String, AttributeValue> account(PointsAccount account, long revision, Instant now) {
        Map<String, AttributeValue> item = base(account.customerId(), ACCOUNT, revision);
        item.put("balance", n(account.balance()));
        item.put("lots", lots(account.lots()));
        Map<String, AttributeValue> holds = new HashMap<>();
        account.holds().forEach((orderId, hold) -> holds.put(orderId, m(Map.of("points", n(hold.points()),
                "taken", lots(hold.taken()), "expiresAt", s(hold.expiresAt().toString())))));
        item.put("holds", m(holds));
        putIfPresent(item, "zone", account.zone().map(ZoneId::getId).orElse(null));
        putIfPresent(item, "remindedThrough", account.remindedThrough().orElse(null));
        putIfPresent(item, "armedFor", account.armedFor().orElse(null));
        item.put("updatedAt", s(now.toString()));
        return item;
    }

    public static Revisioned<PointsAccount> account(Map<String, AttributeValue> item) {
        Map<String, Hold> holds = new HashMap<>();
        Attributes.map(item, "holds").forEach((orderId, hold) -> holds.put(orderId, new Hold(
                Attributes.number(hold.m(), "points", 0), lots(Attributes.map(hold.m(), "taken")),
                Instant.parse(hold.m().get("expiresAt").s()))));
        PointsAccount account = new PointsAccount(item.get("customerId").s(), Attributes.number(item, "balance", 0),
                lots(Attributes.map(item, "lots")), holds, Attributes.string(item, "zone").map(ZoneId::of),
                Attributes.string(item, "remindedThrough").map(LocalDate::parse),
                Attributes.string(item, "armedFor").map(Instant::parse));
        return new Revisioned<>(account, Attributes.number(item, "rev", 0));
    }

    public static Map<String, AttributeValue> order(String customerId, OrderPointsState order, long revision,
                                                    Instant now) {
        Map<String, AttributeValue> item = base(customerId, orderRecord(order.orderId()), revision);
        item.put("orderId", s(order.orderId()));
        item.put("memberRev", n(order.memberRevision()));
        item.put("earned", n(order.earned()));
        item.put("bonus", n(order.bonus()));
        item.put("paidMinor", n(order.paidMinor()));
        item.put("refundedMinor", n(order.refundedMinor()));
        item.put("cancelled", bool(order.cancelled()));
        order.redemption().ifPresent(r -> {
            Map<String, AttributeValue> redemption = new HashMap<>(Map.of("status", s(r.status().wire()),
                    "points", n(r.points()), "taken", lots(r.taken()), "returned", n(r.returned()),
                    "reservedAt", s(r.reservedAt().toString()), "expiresAt", s(r.expiresAt().toString())));
            putIfPresent(redemption, "settledAt", r.settledAt().orElse(null));
            item.put("redemption", m(redemption));
        });
        item.put("updatedAt", s(now.toString()));
        return item;
    }

    public static Revisioned<OrderPointsState> order(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> r = Attributes.map(item, "redemption");
        Optional<Redemption> redemption = r.isEmpty() ? Optional.empty() : Optional.of(new Redemption(
                Redemption.Status.fromWire(r.get("status").s()).orElseThrow(), Attributes.number(r, "points", 0),
                lots(Attributes.map(r, "taken")), Attributes.number(r, "returned", 0),
                Instant.parse(r.get("reservedAt").s()), Instant.parse(r.get("expiresAt").s()),
                Attributes.string(r, "settledAt").map(Instant::parse)));
        OrderPointsState order = new OrderPointsState(item.get("orderId").s(), Attributes.number(item, "memberRev", 0),
                Attributes.number(item, "earned", 0), Attributes.number(item, "bonus", 0),
                Attributes.number(item, "paidMinor", 0), Attributes.number(item, "refundedMinor", 0),
                item.containsKey("cancelled") && item.get("cancelled").bool(), redemption);
        return new Revisioned<>(order, Attributes.number(item, "rev", 0));
    }

    public static Map<String, AttributeValue> entry(LedgerEntry entry, Instant expiresAt) {
        Posting posting = entry.posting();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("customerId", s(entry.customerId()));
        item.put("record", s(entryRecord(entry.sequence(), entry.index())));
        item.put("seq", n(entry.sequence()));
        item.put("kind", s(posting.kind().wire()));
        item.put("points", n(posting.points()));
        item.put("lots", lots(posting.lots()));
        item.put("balanceAfter", n(entry.balanceAfter()));
        item.put("recordedAt", s(entry.recordedAt().toString()));
        item.put("source", s(posting.source()));
        putIfPresent(item, "effectiveAt", posting.effectiveAt().orElse(null));
        if (posting.uncollected() > 0) {
            item.put("uncollected", n(posting.uncollected()));
        }
        putIfPresent(item, "actor", posting.actor().orElse(null));
        putIfPresent(item, "reason", posting.reason().orElse(null));
        item.put("expiresAt", n(expiresAt.getEpochSecond()));
        return item;
    }

    public static LedgerEntry entry(Map<String, AttributeValue> item) {
        String[] record = item.get("record").s().split("#");
        Posting posting = new Posting(EntryKind.fromWire(item.get("kind").s()).orElseThrow(),
                Attributes.number(item, "points", 0), lots(Attributes.map(item, "lots")), item.get("source").s(),
                Attributes.string(item, "effectiveAt").map(Instant::parse), Attributes.number(item, "uncollected", 0),
                Attributes.string(item, "actor"), Attributes.string(item, "reason"));
        return new LedgerEntry(item.get("customerId").s(), Long.parseLong(record[1]), Integer.parseInt(record[2]),
                posting, Attributes.number(item, "balanceAfter", 0), Instant.parse(item.get("recordedAt").s()));
    }

    private static Map<String, AttributeValue> base(String customerId, String record, long revision) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("customerId", s(customerId));
        item.put("record", s(record));
        item.put("rev", n(revision));
        return item;
    }

    private static AttributeValue lots(Lots lots) {
        Map<String, AttributeValue> byDate = new HashMap<>();
        lots.byDate().forEach((date, points) -> byDate.put(date.toString(), n(points)));
        return m(byDate);
    }

    private static Lots lots(Map<String, AttributeValue> byDate) {
        TreeMap<LocalDate, Long> lots = new TreeMap<>();
        byDate.forEach((date, points) -> lots.put(LocalDate.parse(date), Long.parseLong(points.n())));
        return new Lots(lots);
    }
}
