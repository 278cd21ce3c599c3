package dev.storecrm.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storecrm.domain.loyalty.LedgerEntry;
import dev.storecrm.domain.referral.Referral;
import dev.storecrm.domain.referral.ReferralDue;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.fixtures.events.MemberRegisteredBuilder;
import dev.storecrm.localcloud.CapacityRecorder;
import dev.storecrm.localcloud.LocalStore;
import dev.storecrm.platform.dynamodb.DynamoDbPointsBook;
import dev.storecrm.platform.dynamodb.DynamoDbReferralBook;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Referral rewards through the real handlers: member and order events on the store bus, the member
 * archive telling LoyaltyFunction of each order with the member's referrer, the referral's timer in the
 * TimersTable fired by the sweep when the refund window (30 days) ends, the reward in the points ledger,
 * and a refund of the first order taking it back; self-referrals and loops refused with their reason.
 */
class ReferralIT {

    private static final Instant START = Instant.parse("2026-02-01T02:00:00Z");

    private DynamoDbPointsBook points;
    private DynamoDbReferralBook referrals;

    @RegisterExtension
    final LocalStore local = LocalStore.at(START).with(Map.of("REFERRAL_REFEREE_POINTS", "200"));

    @BeforeEach
    void setUp() {
        this.points = new DynamoDbPointsBook(local.cloud().dynamoDb(), local.cloud().tableName("PointsLedgerTable"),
                Duration.ofDays(1_100));
        this.referrals = new DynamoDbReferralBook(local.cloud().dynamoDb(), local.cloud().tableName("ReferralsTable"));
    }

    @Test
    void aReferralIsRewardedAfterTheRefundWindowOnceAndARefundOfTheFirstOrderTakesTheRewardBack() {
        member("c-ref", "ref@example.com", null);
        member("c-new", "new@example.com", "c-ref");
        paid("evt-1", "c-new", "o-1", START.plus(Duration.ofDays(1)), 20_000);
        paid("evt-1", "c-new", "o-1", START.plus(Duration.ofDays(1)), 20_000);
        paid("evt-2", "c-new", "o-2", START.plus(Duration.ofDays(3)), 10_000);
        assertEquals("pending", referral("c-new").status().wire());
        assertEquals(List.of(ReferralDue.timerId("c-new")), referralTimers());

        local.advanceTo(START.plus(Duration.ofDays(31)).minusSeconds(60));
        assertEquals(List.of(), entries("c-ref"), "a day's payment stands 30 days before it earns the referrer");
        local.advanceTo(START.plus(Duration.ofDays(31)).plusSeconds(60));
        assertEquals(List.of("referral 500 request:referral:c-new"), entries("c-ref"));
        assertEquals(List.of("earned 200 order:o-1", "earned 100 order:o-2",
                "referral 200 request:referral-welcome:c-new"), entries("c-new"));
        assertEquals(List.of(), referralTimers(), "the timer is gone once the referral is decided");

        refunded("evt-3", "c-new", "o-2", START.plus(Duration.ofDays(40)), 10_000);
        assertEquals(List.of("referral 500 request:referral:c-new"), entries("c-ref"),
                "a refund of another order changes nothing");
        refunded("evt-4", "c-new", "o-1", START.plus(Duration.ofDays(41)), 5_000);
        refunded("evt-4", "c-new", "o-1", START.plus(Duration.ofDays(41)), 5_000);
        assertEquals(List.of("referral 500 request:referral:c-new",
                "adjustment -500 request:referral:c-new:reversal"), entries("c-ref"));
        Referral reversed = referral("c-new");
        assertEquals("reversed", reversed.status().wire());
        assertEquals(Optional.of("o-1"), reversed.orderId());
        assertEquals(Optional.of("the first order was refunded or cancelled after the reward: reward taken back"),
                reversed.reason());
        assertEquals(0, balance("c-ref"));
    }

    @Test
    void selfReferralsAndLoopsAreRefusedWithTheReasonAndEarnNothing() {
        member("c-ref", "ref@example.com", null);
        member("c-self", "self@example.com", "c-self");
        member("c-twin", "Ref@Example.COM", "c-ref");
        member("c-x", "x@example.com", "c-y");
        member("c-y", "y@example.com", "c-x");
        for (String customer : List.of("c-self", "c-twin", "c-x", "c-y")) {
            paid("evt-" + customer, customer, "o-" + customer, START.plus(Duration.ofDays(1)), 10_000);
        }
        local.advanceTo(START.plus(Duration.ofDays(32)));
        assertEquals(Map.of(
                        "c-self", "self-referral: the referrer is the referee (the same customer id)",
                        "c-twin", "self-referral: the referrer has the referee's e-mail address",
                        "c-x", "referral loop: c-x -> c-y -> c-x",
                        "c-y", "referral loop: c-y -> c-x -> c-y"),
                Map.ofEntries(referrals.recordedIn(YearMonth.of(2026, 2), Optional.empty(), 10).referrals().stream()
                        .map(r -> Map.entry(r.refereeId(), r.status().wire() + ": " + r.reason().orElse("")))
                        .map(e -> Map.entry(e.getKey(), e.getValue().substring("refused: ".length())))
                        .toArray(Map.Entry[]::new)));
        for (String customer : List.of("c-ref", "c-self", "c-x", "c-y")) {
            assertEquals(0, entries(customer).stream().filter(e -> e.startsWith("referral")).count(), customer);
        }
    }

    @Test
    void aRewardCostsItsTimerAFewMemberReadsAndTwoLedgerTransactions() {
        member("c-ref", "ref@example.com", null);
        member("c-new", "new@example.com", "c-ref");
        CapacityRecorder.reset();
        paid("evt-1", "c-new", "o-1", START.plus(Duration.ofDays(1)), 20_000);
        Map<String, String> opened = usage("LoyaltyFunction");
        local.advanceTo(START.plus(Duration.ofDays(31)).minusSeconds(60));
        CapacityRecorder.reset();
        local.advanceTo(START.plus(Duration.ofDays(31)).plusSeconds(60));
        Map<String, String> reward = usage("LoyaltyFunction");
        CapacityRecorder.reset();
        refunded("evt-2", "c-new", "o-1", START.plus(Duration.ofDays(40)), 20_000);
        Map<String, String> reversal = usage("LoyaltyFunction");
        System.out.println("referral capacity: first order " + opened + "; reward " + reward + "; reversal "
                + reversal);
        assertEquals(Map.of("PointsLedgerTable", "1.0/4.0", "ReferralsTable", "0.5/1.0", "ReferralsTable/ByMonth",
                "0.0/1.0", "ReferralsTable/ByReferrer", "0.0/1.0", "TimersTable", "0.0/2.0", "TimersTable/DueByShard",
                "0.0/2.0"), opened, "the order's points as before, and the referral opened with its timer");
        assertEquals(Map.of("MembersTable", "1.0/0.0", "PointsLedgerTable", "3.0/8.0", "ReferralsTable", "1.0/1.0",
                "ReferralsTable/ByMonth", "0.0/1.0", "ReferralsTable/ByReferrer", "0.0/1.0", "TimersTable", "0.0/1.0",
                "TimersTable/DueByShard", "0.0/1.0"), reward, "the referral read and decided, referee and referrer"
                + " read (0.5 each), two rewards each one ledger transaction, the referrer's points timer armed");
        assertEquals(Map.of("PointsLedgerTable", "8.0/12.0", "ReferralsTable", "0.5/1.0", "ReferralsTable/ByMonth",
                "0.0/1.0", "ReferralsTable/ByReferrer", "0.0/1.0"), reversal,
                "the order's points reversed (as before) and both rewards taken back, each one ledger transaction");
    }

    // ------------------------------------------------------------------ helpers

    /** A function's units by "table[/index]", as "read/write". */
    private static Map<String, String> usage(String function) {
        Map<String, String> units = new java.util.TreeMap<>();
        for (CapacityRecorder.Usage usage : CapacityRecorder.usage()) {
            if (usage.function().equals(function) && (usage.readUnits() > 0 || usage.writeUnits() > 0)) {
                units.put(usage.table() + (usage.index() == null ? "" : "/" + usage.index()),
                        usage.readUnits() + "/" + usage.writeUnits());
            }
        }
        return units;
    }

    private void member(String customerId, String email, String referrerId) {
        MemberRegisteredBuilder registered = Events.memberRegistered(customerId).at("2026-01-01T00:00:00Z")
                .name("Sample " + customerId).email(email).withoutConsent();
        publish((referrerId == null ? registered : registered.referrerId(referrerId)).json());
    }

    private void paid(String eventId, String customerId, String orderId, Instant at, long amount) {
        local.clock().set(at.isAfter(local.clock().instant()) ? at : local.clock().instant());
        publish(Events.orderPaid(customerId, orderId).id(eventId).at(at).amount(amount).json());
    }

    private void refunded(String eventId, String customerId, String orderId, Instant at, long amount) {
        local.clock().set(at.isAfter(local.clock().instant()) ? at : local.clock().instant());
        publish(Events.orderRefunded(customerId, orderId, "r-" + eventId).id(eventId).at(at).amount(amount).json());
    }

    private void publish(String event) {
        local.publish(event);
        local.functions().drainAll();
    }

    private Referral referral(String refereeId) {
        return referrals.find(refereeId, true).orElseThrow().value();
    }

    private List<String> referralTimers() {
        return local.cloud().dynamoDb().scan(s -> s.tableName(local.cloud().tableName("TimersTable"))).items().stream()
                .map(item -> item.get("timerId").s()).filter(id -> id.startsWith(ReferralDue.timerId(""))).toList();
    }

    private List<String> entries(String customerId) {
        return points.entries(customerId, 100, OptionalLong.empty()).stream()
                .sorted(Comparator.comparingLong(LedgerEntry::sequence).thenComparingInt(LedgerEntry::index))
                .map(e -> e.kind().wire() + " " + e.points() + " " + e.posting().source()).toList();
    }

    private long balance(String customerId) {
        return points.account(customerId, true).map(a -> a.value().balance()).orElse(0L);
    }
}
