package dev.storecrm.memberarchive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.member.MemberPolicy;
import dev.storecrm.domain.member.MemberRecord;
import dev.storecrm.domain.member.MemberSummary;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.localcloud.LocalFunctions.DrainReport;
import dev.storecrm.localcloud.LocalStore;
import dev.storecrm.platform.MemberPolicySettings;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.dynamodb.MemberItemMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A member item written before orders moved to the OrdersTable (its {@code orders} map, and the
 * OrdersTable items of the same code) is read as it is, and converted on the member's next write
 * through the real handler: the purchases counted from its orders and the OrdersTable's (which may
 * know a payment the item missed: the half-applied payment of a member whose item had grown too
 * big), every order's credit written, the map gone. The result is the archive a member gets who sent
 * the same events to the bounded archive from the start.
 */
class MemberArchiveMigrationIT {

    private static final Instant NOW = Instant.parse("2026-01-15T00:00:00Z");
    private static final Instant FIRST = Instant.parse("2025-02-01T00:00:00Z");
    private static final DateTimeFormatter FIXED =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final int ORDERS = 30;

    private MemberPolicy policy;

    @RegisterExtension
    final LocalStore local = LocalStore.at(NOW);

    @BeforeEach
    void setUp() {
        this.policy = MemberPolicySettings.from(new Settings(local.functions().spec("MemberArchiveFunction")
                .environment()));
    }

    @Test
    void anItemOfBeforeIsReadAsItIsAndConvertedOnTheNextWriteToTheArchiveOfTheSameEvents() {
        writeLegacyMember("c-legacy");
        MemberSummary before = summary("c-legacy");
        assertEquals(ORDERS - 1, before.orderCount(), "read as it is: the item's own orders, o-3 cancelled");

        publish(updatedPhone("c-legacy"));
        Map<String, AttributeValue> item = memberItem("c-legacy");
        assertFalse(item.containsKey("orders"), "the orders map is gone from the member item");
        MemberSummary converted = summary("c-legacy");
        assertEquals(ORDERS, converted.orderCount(), "o-30, paid in the OrdersTable but missing from the item, counts");
        for (Map<String, AttributeValue> order : orders("c-legacy")) {
            assertTrue(!order.containsKey("paidStamp") || order.containsKey("pointsMultiplier"),
                    "every paid order carries its credit: " + order.get("orderId").s());
        }

        publish(paid("c-legacy", ORDERS));
        assertEquals(converted, summary("c-legacy"), "the payment of o-30, redelivered from the dead-letter queue,"
                + " is the same purchase: nothing changes");

        sendFreshArchiveTheSameEvents("c-fresh");
        assertEquals(figures(summary("c-fresh")), figures(summary("c-legacy")),
                "the converted archive is the one the same events build in the bounded archive");
        assertEquals(0, local.cloud().queueDepth("MemberArchiveDeadLetterQueue"));
    }

    private static List<Object> figures(MemberSummary s) {
        return List.of(s.status(), s.memberSince(), s.orderCount(), s.lifetimeSpendMinor(), s.trailingYearSpendMinor(),
                s.firstOrderAt(), s.lastOrderAt(), s.points(), s.tier(), s.tierHeldUntil(), s.refundCount(),
                s.refundedMinor());
    }

    // ------------------------------------------------------------------ the history, both ways

    private static Instant paidAt(int order) {
        return FIRST.plus(Duration.ofDays(10L * order));
    }

    private static String stamp(Instant at, String eventId) {
        return FIXED.format(at) + " " + eventId;
    }

    /** The member item and OrdersTable items as the code before wrote them, o-30's payment in the table only. */
    private void writeLegacyMember(String customerId) {
        Map<String, AttributeValue> orders = new HashMap<>();
        List<Map<String, AttributeValue>> orderItems = new ArrayList<>();
        for (int i = 0; i <= ORDERS; i++) {
            String paidStamp = stamp(paidAt(i), "pay-" + customerId + "-" + i);
            Map<String, AttributeValue> facts = new HashMap<>(Map.of("p", AttributeValue.fromS("10000|" + paidStamp)));
            Map<String, AttributeValue> row = new HashMap<>(Map.of("customerId", AttributeValue.fromS(customerId),
                    "orderId", AttributeValue.fromS("o-" + i), "paidStamp", AttributeValue.fromS(paidStamp),
                    "paidAt", AttributeValue.fromS(paidAt(i).atOffset(ZoneOffset.ofHours(8)).toString()),
                    "paidAmount", AttributeValue.fromN("10000")));
            if (i == 3) {
                String cancelled = stamp(paidAt(i).plusSeconds(3600), "cancel-" + customerId);
                facts.put("c", AttributeValue.fromS(cancelled));
                row.put("cancelledStamp", AttributeValue.fromS(cancelled));
                row.put("cancelledAt", AttributeValue.fromS(paidAt(i).plusSeconds(3600).toString()));
            }
            if (i == 5) {
                String early = stamp(paidAt(i).plus(Duration.ofDays(1)), "refund-1-" + customerId);
                String later = stamp(paidAt(i).plus(Duration.ofDays(2)), "refund-2-" + customerId);
                facts.put("r", AttributeValue.fromM(Map.of("r-1", AttributeValue.fromS("2000|" + later))));
                row.put("refunds", AttributeValue.fromSs(List.of("r-1|1000|" + early, "r-1|2000|" + later)));
            }
            if (i < ORDERS) {
                orders.put("o-" + i, AttributeValue.fromM(facts));
            }
            orderItems.add(row);
        }
        String registered = stamp(Instant.parse("2025-01-01T00:00:00Z"), "reg-" + customerId);
        Map<String, AttributeValue> member = new HashMap<>(Map.of(
                "customerId", AttributeValue.fromS(customerId), "rev", AttributeValue.fromN("41"),
                "email", AttributeValue.fromS(customerId + "@example.com"),
                "timeZone", AttributeValue.fromS("Asia/Shanghai"),
                "stamps", AttributeValue.fromM(Map.of(registered, AttributeValue.fromS("email,timeZone"))),
                "registered", AttributeValue.fromS(registered),
                "statusLog", AttributeValue.fromL(List.of(
                        AttributeValue.fromS(stamp(Instant.parse("2025-06-01T00:00:00Z"),
                                "frozen-" + customerId) + "|frozen|review"),
                        AttributeValue.fromS(stamp(Instant.parse("2025-07-01T00:00:00Z"),
                                "active-" + customerId) + "|active|"))),
                "orders", AttributeValue.fromM(orders),
                "status", AttributeValue.fromS("active"), "points", AttributeValue.fromN("0")));
        local.cloud().dynamoDb().putItem(p -> p.tableName(local.cloud().tableName("MembersTable")).item(member));
        for (Map<String, AttributeValue> row : orderItems) {
            local.cloud().dynamoDb().putItem(p -> p.tableName(local.cloud().tableName("OrdersTable")).item(row));
        }
    }

    /** The same history as events, to a member the bounded archive keeps from the start. */
    private void sendFreshArchiveTheSameEvents(String customerId) {
        publish(Events.memberRegistered(customerId).at("2025-01-01T00:00:00Z").without("locale").withoutConsent()
                .json());
        publish(status(customerId, "frozen", "2025-06-01T00:00:00Z"));
        publish(status(customerId, "active", "2025-07-01T00:00:00Z"));
        for (int i = 0; i <= ORDERS; i++) {
            publish(paid(customerId, i));
        }
        publish(Events.orderCancelled(customerId, "o-3").id("cancel-" + customerId).at(paidAt(3).plusSeconds(3600))
                .json());
        for (int version = 1; version <= 2; version++) {
            publish(Events.orderRefunded(customerId, "o-5", "r-1").id("refund-" + version + "-" + customerId)
                    .at(paidAt(5).plus(Duration.ofDays(version))).amount(1000L * version).json());
        }
        publish(updatedPhone(customerId));
    }

    private static String paid(String customerId, int order) {
        return Events.orderPaid(customerId, "o-" + order).id("pay-" + customerId + "-" + order).at(paidAt(order))
                .amount(10_000).json();
    }

    private static String status(String customerId, String status, String at) {
        return Events.memberUpdated(customerId).id(status + "-" + customerId).at(at).status(status, "review").json();
    }

    private static String updatedPhone(String customerId) {
        return Events.memberUpdated(customerId).id("phone-" + customerId).at("2026-01-10T00:00:00Z")
                .phone("+8613800001234").json();
    }

    // ------------------------------------------------------------------ reading

    private void publish(String event) {
        local.cloud().eventBus().publish(event, "storefront", NOW);
        DrainReport report = local.functions().drainAll();
        assertEquals(Map.of("MemberArchiveFunction", 0), report.failures());
    }

    private Map<String, AttributeValue> memberItem(String customerId) {
        return local.cloud().dynamoDb().getItem(g -> g.tableName(local.cloud().tableName("MembersTable"))
                .key(Map.of("customerId", AttributeValue.fromS(customerId))).consistentRead(true)).item();
    }

    private MemberSummary summary(String customerId) {
        MemberRecord record = MemberItemMapper.fromItem(memberItem(customerId)).value();
        return MemberSummary.of(record, policy, NOW);
    }

    private List<Map<String, AttributeValue>> orders(String customerId) {
        return local.cloud().dynamoDb().query(q -> q.tableName(local.cloud().tableName("OrdersTable"))
                .consistentRead(true)
                .keyConditionExpression("customerId = :c")
                .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(customerId)))).items();
    }
}
