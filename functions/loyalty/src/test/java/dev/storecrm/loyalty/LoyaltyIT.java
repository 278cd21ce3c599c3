package dev.storecrm.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.loyalty.LedgerEntry;
import dev.storecrm.domain.loyalty.OrderPoints;
import dev.storecrm.domain.loyalty.PointsAccount;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.FreshLocalCloud;
import dev.storecrm.platform.dynamodb.LocalPointsStore;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.fixtures.events.MemberRegisteredBuilder;
import dev.storecrm.localcloud.Template;
import dev.storecrm.platform.dynamodb.Attributes;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Points through the real handlers: order and member events on the store bus, priced by the member
 * archive (today's earning rule), told to LoyaltyFunction, kept in the PointsLedgerTable; each
 * member's ledger adds up to the balance, and the balance to what the archive says the orders earned.
 */
@ExtendWith(FreshLocalCloud.class)
class LoyaltyIT {

    private static final Instant START = Instant.parse("2026-02-01T02:00:00Z");

    private LocalCloud cloud;
    private LocalPointsStore store;

    @BeforeEach
    void reset(LocalCloud cloud) {
        this.cloud = cloud;
        this.store = LocalPointsStore.at(cloud, START);
    }

    @Test
    void eachPaidOrderEarnsItsPointsOnceAndABirthdayOrderItsBonusAsAnEntryOfItsOwn() {
        member("c-1");
        paid("evt-1", "c-1", "o-1", START.plus(Duration.ofDays(9)), 39_900);
        paid("evt-1", "c-1", "o-1", START.plus(Duration.ofDays(9)), 39_900);
        paid("evt-2", "c-1", "o-2", Instant.parse("2026-03-15T04:00:00Z"), 10_000);
        paid("evt-3", "c-1", "o-1", Instant.parse("2026-03-20T04:00:00Z"), 39_900);
        assertEquals(List.of("earned 399 order:o-1", "earned 100 order:o-2", "birthday_bonus 100 order:o-2"),
                entries("c-1"),
                "the duplicate and the payment sent again later earn nothing; 15 March is the member's birthday");
        PointsAccount account = account("c-1");
        assertEquals(Map.of(LocalDate.of(2027, 3, 1), 399L, LocalDate.of(2027, 4, 1), 200L), account.lots().byDate(),
                "paid in February and in March 2026: usable through the end of February and of March 2027");
        assertAgrees("c-1", 599);
    }

    @Test
    void aLunarBirthdayEarnsTheBonusOnTheDayItFallsOnEachYearAndTheGregorianOneNoLonger() {
        publish(registered("c-8").birthdayLunar(1, 1, false).json());
        paid("evt-81", "c-8", "o-81", Instant.parse("2026-02-17T04:00:00Z"), 10_000);
        paid("evt-82", "c-8", "o-82", Instant.parse("2026-03-15T04:00:00Z"), 10_000);
        paid("evt-83", "c-8", "o-83", Instant.parse("2027-02-06T04:00:00Z"), 10_000);
        paid("evt-84", "c-8", "o-84", Instant.parse("2027-02-07T04:00:00Z"), 10_000);
        assertEquals(List.of("earned 100 order:o-81", "birthday_bonus 100 order:o-81", "earned 100 order:o-82",
                "earned 100 order:o-83", "birthday_bonus 100 order:o-83", "earned 100 order:o-84"), entries("c-8"),
                "正月初一 is 17 February 2026 and 6 February 2027 (not the 7th, as ICU4J alone has it); "
                        + "15 March, the Gregorian birthday, earns nothing extra");
        assertAgrees("c-8", 600);
    }

    @Test
    void aMemberDayOrderEarnsTheTiersMultiplierAsAMemberDayBonusAndARefundTakesItBack() {
        store = LocalPointsStore.at(cloud, START, Map.of("MEMBER_DAYS", "day=date:*-18;VIP1=1.5;VIP2=2"));
        member("c-9");
        paid("evt-91", "c-9", "o-91", Instant.parse("2026-02-10T04:00:00Z"), 60_000);
        paid("evt-92", "c-9", "o-92", Instant.parse("2026-03-17T15:59:59Z"), 10_000);
        paid("evt-93", "c-9", "o-93", Instant.parse("2026-03-17T16:00:00Z"), 10_000);
        paid("evt-94", "c-9", "o-94", Instant.parse("2026-03-18T16:00:00Z"), 10_000);
        refunded("evt-95", "c-9", "o-93", Instant.parse("2026-03-20T04:00:00Z"), 10_000);
        assertEquals(List.of("earned 600 order:o-91", "earned 100 order:o-92", "earned 100 order:o-93",
                        "member_day_bonus 50 order:o-93", "earned 100 order:o-94", "reversed -150 order:o-93"),
                entries("c-9"), "VIP1 since February: x1.5 from 00:00 to 23:59:59 on 18 March in Shanghai, "
                        + "the store's zone; the refund takes the bonus back with the points");
        assertAgrees("c-9", 800);
    }

    @Test
    void aMalformedMemberDaysFailsTheArchivesStartWithTheEntryNamed() {
        var misconfigured = cloud.functions(store.clock(), Map.of("MEMBER_DAYS", "day=date:*-18;GOLD=2"));
        IllegalStateException failure = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> misconfigured.handler("MemberArchiveFunction"));
        assertTrue(failure.getMessage().contains("MemberDays entry GOLD=2: GOLD is not a tier of the store"),
                failure.getMessage());
    }

    @Test
    void aRefundThatOvertakesItsPaymentEndsWithTheSamePointsAsOneThatFollowsIt() {
        member("c-2");
        member("c-3");
        Instant paidAt = START.plus(Duration.ofDays(2));
        store.clock().set(paidAt.plus(Duration.ofDays(3)));
        refunded("evt-r2", "c-2", "o-2", paidAt.plus(Duration.ofDays(3)), 10_000);
        paid("evt-p2", "c-2", "o-2", paidAt, 30_000);
        refunded("evt-r2", "c-2", "o-2", paidAt.plus(Duration.ofDays(3)), 10_000);
        paid("evt-p3", "c-3", "o-3", paidAt, 30_000);
        refunded("evt-r3", "c-3", "o-3", paidAt.plus(Duration.ofDays(3)), 10_000);
        assertEquals(List.of("earned 200 order:o-2"), entries("c-2"));
        assertEquals(List.of("earned 300 order:o-3", "reversed -100 order:o-3"), entries("c-3"));
        assertAgrees("c-2", 200);
        assertAgrees("c-3", 200);
    }

    @Test
    void aFrozenMemberEarnsNothingAndAFreezeLearntLateTakesBackWhatWasPaidAfterIt() {
        member("c-4");
        member("c-5");
        status("evt-f4", "c-4", "frozen", START.plus(Duration.ofDays(1)));
        paid("evt-p4", "c-4", "o-4", START.plus(Duration.ofDays(2)), 50_000);
        status("evt-u4", "c-4", "active", START.plus(Duration.ofDays(3)));
        paid("evt-p4b", "c-4", "o-4b", START.plus(Duration.ofDays(4)), 20_000);
        assertEquals(List.of("earned 200 order:o-4b"), entries("c-4"), "nothing for the order paid while frozen");

        paid("evt-p5", "c-5", "o-5", START.plus(Duration.ofDays(5)), 50_000);
        status("evt-f5", "c-5", "frozen", START.plus(Duration.ofDays(4)));
        assertEquals(List.of("earned 500 order:o-5", "reversed -500 order:o-5"), entries("c-5"),
                "the archive prices the payment again and the ledger follows");
        assertAgrees("c-4", 200);
        assertAgrees("c-5", 0);
    }

    @Test
    void aCancelledOrderTakesItsPointsBack() {
        member("c-6");
        paid("evt-p6", "c-6", "o-6", START.plus(Duration.ofDays(1)), 25_000);
        store.clock().set(START.plus(Duration.ofDays(2)));
        publish(Events.orderCancelled("c-6", "o-6").id("evt-c6").at(store.clock().instant()).reason("customer asked")
                .json());
        assertEquals(List.of("earned 250 order:o-6", "reversed -250 order:o-6"), entries("c-6"));
        assertAgrees("c-6", 0);
    }

    @Test
    void whatTheQueueCannotUseIsKeptWithItsReasonAndTheSamplesAreWhatTheLedgerReads() throws Exception {
        String queue = cloud.queueUrl("LoyaltyQueue");
        cloud.sqs().sendMessage(m -> m.queueUrl(queue).messageBody("{not json"));
        cloud.sqs().sendMessage(m -> m.queueUrl(queue).messageBody(
                "{\"id\":\"evt-x\",\"type\":\"MemberRegistered\",\"body\":{}}"));
        String sample = Files.readString(Template.projectRoot().resolve("events/loyalty/order-points.json"));
        store.clock().set(Instant.parse("2026-06-25T02:00:00Z"));
        String due = Files.readString(Template.projectRoot().resolve("events/loyalty/points-due.json"));
        cloud.sqs().sendMessage(m -> m.queueUrl(queue).messageBody(sample));
        cloud.sqs().sendMessage(m -> m.queueUrl(queue).messageBody(due));
        store.functions().drainAll();
        Set<String> reasons = cloud.dynamoDb().scan(s -> s.tableName(cloud.tableName("RejectsTable"))).items().stream()
                .map(item -> Attributes.string(item, "reason").orElse("")).collect(Collectors.toSet());
        assertEquals(Set.of("MALFORMED_JSON", "NOT_FOR_THIS_CONSUMER"), reasons);
        assertEquals(List.of("earned 1099 order:o-5002"), entries("c-1001"));
        assertEquals(OrderPoints.read(new dev.storecrm.domain.json.tree.ObjectMapper().readTree(sample)).points(),
                account("c-1001").balance());
    }

    // ------------------------------------------------------------------ helpers

    private void member(String customerId) {
        publish(registered(customerId).json());
    }

    /** A member registered on 1 January 2026, born 15 March 1990, with no word on marketing consent. */
    private static MemberRegisteredBuilder registered(String customerId) {
        return Events.memberRegistered(customerId).at("2026-01-01T00:00:00Z").name("Sample " + customerId)
                .birthday("1990-03-15").withoutConsent();
    }

    private void paid(String eventId, String customerId, String orderId, Instant at, long amount) {
        store.clock().set(at.isAfter(store.clock().instant()) ? at : store.clock().instant());
        publish(Events.orderPaid(customerId, orderId).id(eventId).at(at).amount(amount).json());
    }

    private void refunded(String eventId, String customerId, String orderId, Instant at, long amount) {
        store.clock().set(at.isAfter(store.clock().instant()) ? at : store.clock().instant());
        publish(Events.orderRefunded(customerId, orderId, "r-" + orderId).id(eventId).at(at).amount(amount).json());
    }

    private void status(String eventId, String customerId, String status, Instant at) {
        store.clock().set(at.isAfter(store.clock().instant()) ? at : store.clock().instant());
        publish(Events.memberUpdated(customerId).id(eventId).at(at).status(status, "review").json());
    }

    private void publish(String event) {
        cloud.eventBus().publish(event, "test", store.clock().instant());
        store.functions().drainAll();
    }

    private List<String> entries(String customerId) {
        return store.book().entries(customerId, 100, OptionalLong.empty()).stream()
                .sorted(Comparator.comparingLong(LedgerEntry::sequence).thenComparingInt(LedgerEntry::index))
                .map(e -> e.kind().wire() + " " + e.points() + " " + e.posting().source()).toList();
    }

    private PointsAccount account(String customerId) {
        return store.book().account(customerId, true).orElseThrow().value();
    }

    /**
     * The balance is the sum of the entries (each entry's balance the one before plus its points),
     * and, with no redemption, what the archive says the member's orders earned.
     */
    private void assertAgrees(String customerId, long points) {
        long running = 0;
        for (LedgerEntry entry : store.book().entries(customerId, 100, OptionalLong.empty()).reversed()) {
            running += entry.points();
            assertEquals(running, entry.balanceAfter());
        }
        assertEquals(points, running);
        assertEquals(points, account(customerId).balance());
        Map<String, AttributeValue> member = cloud.dynamoDb().getItem(g -> g.tableName(cloud.tableName("MembersTable"))
                .key(Map.of("customerId", AttributeValue.fromS(customerId))).consistentRead(true)).item();
        assertEquals(points, Attributes.number(member, "points", -1), "the archive's figure agrees");
        assertTrue(account(customerId).armedFor().isPresent() || points == 0);
    }
}
