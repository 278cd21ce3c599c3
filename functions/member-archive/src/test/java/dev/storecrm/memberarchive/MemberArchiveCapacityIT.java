package dev.storecrm.memberarchive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.event.EventParser;
import dev.storecrm.domain.event.StoreEvent;
import dev.storecrm.domain.member.MemberPolicy;
import dev.storecrm.domain.member.MemberRecord;
import dev.storecrm.domain.member.MemberSummary;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.fixtures.triggers.SqsBatch;
import dev.storecrm.localcloud.CapacityRecorder;
import dev.storecrm.localcloud.LocalStore;
import dev.storecrm.localcloud.Template;
import dev.storecrm.platform.MemberPolicySettings;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.dynamodb.MemberHistoryLoad;
import dev.storecrm.platform.dynamodb.MemberItemMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Capacity units per event, as DynamoDB reports them ({@code ReturnConsumedCapacity}): the cost
 * model of the member archive, held steady by assertion. Timings are in the benchmark, not here.
 */
class MemberArchiveCapacityIT {

    private static final Path EVENTS = Template.projectRoot().resolve("events/member-archive");
    private static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");

    @RegisterExtension
    final LocalStore local = LocalStore.at(NOW);

    @BeforeEach
    void setUp() {
        local.functions().handler("MemberArchiveFunction");
    }

    /** Units the function used for one event, as "table read/write". */
    private Map<String, String> unitsFor(String body) {
        CapacityRecorder.reset();
        local.functions().invoke("MemberArchiveFunction", SqsBatch.single("m-" + body.hashCode(), body));
        return CapacityRecorder.unitsOf("MemberArchiveFunction");
    }

    private static String sample(String name) throws Exception {
        return Files.readString(EVENTS.resolve(name));
    }

    @Test
    void eachEventCostsWhatTheDesignSays() throws Exception {
        assertEquals(Map.of("MembersTable", "0.5/1.0", "MembersTable/EmailKey", "0.0/1.0", "MembersTable/PhoneKey",
                        "0.0/1.0", "OccasionsTable", "0.0/3.0", "OccasionsTable/ByLocalDay", "0.0/3.0",
                        "PrivacyRequestsTable", "0.5/0.0"),
                unitsFor(sample("01-member-registered.json")),
                "registration: one eventually consistent read, one write of a small item (and its e-mail and phone"
                        + " lookup entries), and one diary entry (and its due-day index entry) for each date to greet:"
                        + " birthday, wedding, membership start; a new customer: one look for an erasure's mark");
        assertEquals(Map.of("OrdersTable", "0.0/1.0", "PrivacyRequestsTable", "0.5/0.0"),
                unitsFor(sample("04-order-placed.json")),
                "placement: one order write, a look for an erasure's mark, the member untouched");
        assertEquals(Map.of("MembersTable", "0.5/1.0", "OrdersTable", "1.0/1.0",
                        "OrdersTable/PaidByCustomer", "0.0/1.0",
                        "TimersTable", "0.0/1.0", "TimersTable/DueByShard", "0.0/1.0"),
                unitsFor(sample("05-order-paid.json")),
                "payment: read the member and the order, rewrite the member, write the order's payment and credit (and"
                        + " its payment-time index entry), re-arm the win-back timer");
        assertEquals(Map.of("MembersTable", "0.5/0.0", "OrdersTable", "0.5/0.0"),
                unitsFor(sample("05-order-paid.json")),
                "a duplicate payment: the member, and a look that the order its last save carried was written (the"
                        + " member holds that order as saved, so it is not read again); nothing to change, nothing"
                        + " written");
    }

    /**
     * A member with 10,000 orders (about nine years of one order every eight hours, as the archive
     * would have written them) costs what a new member costs: the member item holds no orders.
     */
    @Test
    void aMemberWithTenThousandOrdersCostsWhatANewOneDoesPerEvent() throws Exception {
        unitsFor(sample("01-member-registered.json"));
        MemberRecord member = seedOrders("c-1001", 10_000);

        assertEquals(Map.of("OrdersTable", "0.0/1.0", "PrivacyRequestsTable", "0.5/0.0"),
                unitsFor(placed("o-new", "2026-11-22T10:00:00Z")), "placement: the order and the erasure mark only");
        Map<String, String> paid = unitsFor(paid("o-new", "2026-11-22T10:01:00Z"));
        assertTrue(writeUnits(paid, "MembersTable") <= 3.0, "at most 3 write units on the member: " + paid);
        assertEquals(Map.of("MembersTable", "0.5/2.0", "OrdersTable", "1.0/1.0",
                        "OrdersTable/PaidByCustomer", "0.0/1.0",
                        "TimersTable", "0.0/1.0", "TimersTable/DueByShard", "0.0/1.0"), paid,
                "a payment: the member (an item of about 1.5 KB: 25 months of spend, the latest payments), the one"
                        + " order, and the win-back timer, as for a member with one order");

        Map<String, String> next = unitsFor(paid("o-next", "2026-11-22T18:00:00Z"));
        Map<String, String> cancelled = unitsFor(cancelled("o-next", "2026-11-22T19:00:00Z"));
        assertTrue(writeUnits(next, "MembersTable") <= 3.0, "and the next payment: " + next);
        assertEquals("1.5/1.0", next.get("OrdersTable"), "a look that o-new, which the last save carried, was written"
                + " (half a unit), then o-next read and written");

        assertTrue(writeUnits(cancelled, "MembersTable") <= 3.0, "cancelling the last order: " + cancelled);
        assertEquals(Map.of("MembersTable", "0.5/2.0", "OrdersTable", "1.5/1.0",
                        "OrdersTable/PaidByCustomer", "1.0/0.0",
                        "TimersTable", "0.0/1.0", "TimersTable/DueByShard", "0.0/2.0"), cancelled,
                "cancelling the last order (held by the member as its last save carried it) finds the one before it"
                        + " (the last order, and the last of the month): a page of the payment index each time and the"
                        + " one order it names, not the history");

        MemberSummary summary = summary("c-1001");
        assertEquals(member.purchases().orderCount() + 1, summary.orderCount(), "10,000 orders and o-new");
        assertEquals(Instant.parse("2026-11-22T10:01:00Z"), summary.lastOrderAt().orElseThrow(),
                "o-new is the last order again once o-next was cancelled");
    }

    private static double writeUnits(Map<String, String> units, String table) {
        return Double.parseDouble(units.getOrDefault(table, "0/0").split("/")[1]);
    }

    /**
     * Gives the member {@code count} paid orders the way the archive would have written them: the
     * ledger applies the payments in memory, and the orders and the member item are written directly.
     */
    private MemberRecord seedOrders(String customerId, int count) {
        MemberPolicy policy = MemberPolicySettings.from(
                new Settings(local.functions().spec("MemberArchiveFunction").environment()));
        Map<String, AttributeValue> item = local.cloud().dynamoDb().getItem(g -> g.tableName(local.cloud()
                .tableName("MembersTable"))
                .key(Map.of("customerId", AttributeValue.fromS(customerId))).consistentRead(true)).item();
        List<StoreEvent> payments = new ArrayList<>();
        Instant first = NOW.minus(Duration.ofHours(8L * count + 48));
        for (int i = 0; i < count; i++) {
            Instant at = first.plus(Duration.ofHours(8L * i));
            payments.add(EventParser.parse(paid("o-" + i, at.toString(), 1_000 + (i * 7919L) % 50_000),
                    java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC)));
        }
        return MemberHistoryLoad.load(local.cloud().dynamoDb(), local.cloud().tableName("MembersTable"),
                local.cloud().tableName("OrdersTable"),
                policy, MemberItemMapper.fromItem(item), payments, NOW);
    }

    private MemberSummary summary(String customerId) {
        MemberPolicy policy = MemberPolicySettings.from(
                new Settings(local.functions().spec("MemberArchiveFunction").environment()));
        Map<String, AttributeValue> item = local.cloud().dynamoDb().getItem(g -> g.tableName(local.cloud()
                .tableName("MembersTable"))
                .key(Map.of("customerId", AttributeValue.fromS(customerId))).consistentRead(true)).item();
        return MemberSummary.of(MemberItemMapper.fromItem(item).value(), policy, NOW);
    }

    private static String placed(String orderId, String at) {
        return Events.orderPlaced("c-1001", orderId).id("placed-" + orderId).at(at)
                .line("SKU-TEA-001", "Longjing green tea 250 g", 1, 19_900).json();
    }

    private static String paid(String orderId, String at) {
        return paid(orderId, at, 19_900);
    }

    private static String paid(String orderId, String at, long amount) {
        return Events.orderPaid("c-1001", orderId).id("paid-" + orderId).at(at).amount(amount).json();
    }

    private static String cancelled(String orderId, String at) {
        return Events.orderCancelled("c-1001", orderId).id("cancelled-" + orderId).at(at).json();
    }
}
