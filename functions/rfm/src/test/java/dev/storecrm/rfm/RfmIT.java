package dev.storecrm.rfm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.rfm.RfmChange.Group;
import dev.storecrm.domain.rfm.RfmChange.Kind;
import dev.storecrm.domain.rfm.RfmRecheck;
import dev.storecrm.domain.rfm.RfmState;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.localcloud.LocalStore;
import dev.storecrm.platform.dynamodb.DynamoDbRfmBook;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Members of a small store walked through orders and a year of silence with the real member archive,
 * RFM function and timer sweep (local cloud, IAM enforced): their segments and audiences move when they
 * order and when they lapse, and the counts per day equal the memberships.
 */
class RfmIT {

    private static final Instant START = Instant.parse("2026-01-05T02:00:00Z");

    private DynamoDbRfmBook book;
    private int events;

    @RegisterExtension
    final LocalStore local = LocalStore.at(START.minus(Duration.ofDays(300)));

    @BeforeEach
    void setUp() {
        this.book = new DynamoDbRfmBook(local.cloud().dynamoDb(), local.cloud().tableName("RfmTable"), 4);
    }

    @AfterEach
    void nothingLost() {
        for (String queue : List.of("RfmDeadLetterQueue", "MemberArchiveDeadLetterQueue")) {
            assertEquals(0, local.cloud().queueDepth(queue), queue);
        }
    }

    /** Twelve one-order customers spread over 300 days, then a regular who buys big every week for a month. */
    private void store() {
        for (int i = 0; i < 12; i++) {
            paid("c-once-" + i, "o-once-" + i, START.minus(Duration.ofDays(300 - 25L * i)), 9_900, false);
        }
        for (int week = 0; week < 5; week++) {
            paid("c-regular", "o-regular-" + week, START.minus(Duration.ofDays(28 - 7L * week)), 59_900, week % 2 == 0);
        }
    }

    @Test
    void aRegularWhoStopsBuyingSlidesFromChampionsToCantLoseAndOutOfTheYearsBuyers() {
        store();
        RfmState regular = state("c-regular");
        assertEquals("champions", regular.segment(), "five recent, big orders: " + regular.scores());
        assertEquals(List.of("bought-360d", "vip1-plus", "high-value", "discount-sensitive"), regular.audiences(),
                "2,995.00 spent this year (VIP1 from 500.00), two of the latest three orders with a coupon");

        List<String> trail = new ArrayList<>(List.of(regular.segment()));
        Map<Long, Set<String>> audiencesByDay = new TreeMap<>();
        for (long day = 7; day <= 420; day += 7) {
            // The store goes on: a new customer orders every week, and the regular's order ages among theirs.
            paid("c-walkin-" + day, "o-walkin-" + day, START.plus(Duration.ofDays(day)), 9_900, false);
            RfmState now = state("c-regular");
            if (!now.segment().equals(trail.getLast())) {
                trail.add(now.segment());
            }
            audiencesByDay.put(day, new LinkedHashSet<>(now.audiences()));
        }
        assertEquals("champions", trail.getFirst());
        assertEquals("cant-lose", trail.getLast(), "frequent and big, long silent: " + trail);
        assertTrue(trail.size() >= 2, "the segment moved with no order: " + trail);
        assertTrue(audiencesByDay.get(357L).contains("bought-360d"), "day 357 of silence: " + audiencesByDay.get(357L));
        assertTrue(audiencesByDay.get(364L).contains("no-order-360d"), "day 364: " + audiencesByDay.get(364L));
        assertCountsEqualMemberships(13 + 60);
    }

    @Test
    void aLapsedCustomerWhoOrdersAgainLeavesTheLapsedSegmentsTheSameDay() {
        store();
        String lapsed = "c-once-0";
        String before = state(lapsed).segment();
        assertEquals("lost", before, "one order, 300 days ago, the store's oldest");
        assertTrue(book.members(new Group(Kind.SEGMENT, before), null, 50).contains(lapsed));

        paid(lapsed, "o-back", START, 9_900, false);
        RfmState back = state(lapsed);
        assertEquals("champions", back.segment(), "ordered today, the only other one with two orders: " + back);
        assertTrue(!book.members(new Group(Kind.SEGMENT, before), null, 50).contains(lapsed), "left " + before);
        assertTrue(book.members(new Group(Kind.SEGMENT, back.segment()), null, 50).contains(lapsed));
        assertCountsEqualMemberships(13);
    }

    @Test
    void aMemberWhoseOnlyOrderIsCancelledLeavesRfmAndTheirTimerIsCancelled() {
        store();
        paid("c-gone", "o-gone", START, 9_900, false);
        assertTrue(timer("c-gone").isPresent(), "an RFM timer armed for the member's next possible change");
        String segment = state("c-gone").segment();
        local.publish(Events.orderCancelled("c-gone", "o-gone").id("evt-" + ++events)
                .at(START.plusSeconds(600)).json());
        local.functions().drainAll();
        assertTrue(book.find("c-gone", true).isEmpty(), "no counted order: no RFM state");
        assertTrue(timer("c-gone").isEmpty(), "the timer is cancelled: nothing can change without an order");
        assertTrue(!book.members(new Group(Kind.SEGMENT, segment), null, 50).contains("c-gone"), "left " + segment);
        assertCountsEqualMemberships(13);
    }

    @Test
    void aMessageThatIsNotARecheckIsKeptWithItsReasonAndTheRestOfTheBatchGoesOn() {
        store();
        String queue = local.cloud().queueUrl("RfmQueue");
        local.cloud().sqs().sendMessage(m -> m.queueUrl(queue).messageBody("{\"kind\":\"rfm-recheck\"}"));
        local.cloud().sqs().sendMessage(m -> m.queueUrl(queue).messageBody("not json"));
        local.cloud().sqs().sendMessage(m -> m.queueUrl(queue).messageBody(RfmRecheck.body("c-regular")));
        local.functions().drainAll();
        List<Map<String, AttributeValue>> rejects = local.cloud().dynamoDb().scan(s -> s.tableName(
                local.cloud().tableName("RejectsTable")).consistentRead(true)).items();
        assertEquals(List.of("rfm MALFORMED_JSON", "rfm NOT_FOR_THIS_CONSUMER"), rejects.stream()
                .map(r -> r.get("consumer").s() + " " + r.get("reason").s()).sorted().toList());
        assertEquals("champions", state("c-regular").segment(), "the good message of the batch was evaluated");
    }

    private Optional<Map<String, AttributeValue>> timer(String customerId) {
        Map<String, AttributeValue> item = local.cloud().dynamoDb().getItem(g -> g.tableName(local.cloud()
                .tableName("TimersTable"))
                .key(Map.of("timerId", AttributeValue.fromS(RfmRecheck.timerId(customerId)))).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /** Every member with an order has one segment, and today's counts equal the memberships the index lists. */
    private void assertCountsEqualMemberships(int withOrders) {
        LocalDate today = local.clock().instant().atOffset(ZoneOffset.UTC).toLocalDate();
        Map<Group, Long> counts = book.counts(today);
        long inSegments = 0;
        for (Map.Entry<Group, Long> count : counts.entrySet()) {
            long listed = book.members(count.getKey(), null, 1_000).size();
            assertEquals(count.getValue(), listed, count.getKey() + "");
            if (count.getKey().kind() == Kind.SEGMENT) {
                inSegments += count.getValue();
            }
        }
        assertEquals(withOrders, inSegments, "every member with orders in one segment: " + counts);
    }

    private RfmState state(String customerId) {
        return book.find(customerId, true).orElseThrow(() -> new AssertionError("no RFM for " + customerId));
    }

    /** A placed and paid order at {@code at} (published then), with or without a coupon. */
    private void paid(String customerId, String orderId, Instant at, long amount, boolean coupon) {
        if (at.isAfter(local.clock().instant())) {
            local.advanceTo(at);
        }
        var placed = Events.orderPlaced(customerId, orderId).id("evt-" + ++events).at(at.minusSeconds(60))
                .total(amount);
        if (coupon) {
            placed.couponCodes("STORE-" + orderId);
        }
        local.publish(placed.json());
                local.publish(Events.orderPaid(customerId, orderId).id("evt-" + ++events).at(at)
                .amount(amount).json());
        local.functions().drainAll();
    }
}
