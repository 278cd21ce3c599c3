package dev.storecrm.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.Revisioned;
import dev.storecrm.domain.loyalty.OrderPoints;
import dev.storecrm.domain.loyalty.PointsLedger;
import dev.storecrm.domain.member.PointsAction;
import dev.storecrm.domain.referral.LedgerReferralRewards;
import dev.storecrm.domain.referral.Referral;
import dev.storecrm.domain.referral.ReferralDue;
import dev.storecrm.domain.referral.ReferralProgram;
import dev.storecrm.domain.referral.ReferralStatus;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.StorePolicies;
import dev.storecrm.fixtures.memory.InMemoryKeyedTimers;
import dev.storecrm.fixtures.memory.InMemoryPointsBook;
import dev.storecrm.fixtures.memory.InMemoryReferrals;
import dev.storecrm.fixtures.memory.InMemoryRejects;
import dev.storecrm.fixtures.memory.RecordingOutbox;
import dev.storecrm.fixtures.triggers.SqsBatch;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.metrics.MetricsFactory;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * LoyaltyService with in-memory ports: an operator's points adjustment (applied once, a debit the points no longer
 * cover kept with its reason), an order's points redelivered, and an order of a referred member reaching the
 * referral programme. Earning, expiry and the rewards themselves through the real function are the ITs'.
 */
class LoyaltyServiceTest {

    private static final StorePolicies STORE = StorePolicies.defaults();
    private static final Instant NOW = Instant.parse("2027-03-10T04:00:00Z");

    private final SimulatedClock clock = new SimulatedClock(NOW);
    private final InMemoryPointsBook book = new InMemoryPointsBook();
    private final InMemoryReferrals referrals = new InMemoryReferrals();
    private final InMemoryKeyedTimers referralTimers = new InMemoryKeyedTimers();
    private final PointsLedger ledger = new PointsLedger(book, new InMemoryKeyedTimers(), new RecordingOutbox(),
            STORE.loyalty(), clock);
    private final LoyaltyService service = new LoyaltyService(ledger, new ReferralProgram(referrals, referrals,
            referralTimers, reward -> new LedgerReferralRewards(ledger, clock), STORE.referrals(), clock));
    private final InMemoryRejects rejects = new InMemoryRejects();
    private final SqsBatchProcessor batch = new SqsBatchProcessor(LoyaltyWiring.CONSUMER, rejects,
            MetricsFactory.getMetricsInstance(), clock);

    @Test
    void anOperatorsAdjustmentIsAppliedOnceHoweverOftenItIsDelivered() {
        String goodwill = adjustment("c-1", 200, "req-1");

        assertEquals("ADJUSTED", service.handle(goodwill));
        assertEquals("ADJUSTED", service.handle(goodwill), "delivered again");

        assertEquals(200, book.balance("c-1"));
        assertEquals(1, book.entries("c-1", 10, OptionalLong.empty()).size());
    }

    @Test
    void aDebitThePointsNoLongerCoverIsKeptWithItsReasonAndTheRestOfTheBatchIsApplied() {
        service.handle(adjustment("c-1", 200, "req-1"));

        String none = adjustment("c-1", 5, "req-3").replace("\"points\":5", "\"points\":0");
        SQSBatchResponse response = batch.process(SqsBatch.of(adjustment("c-1", -500, "req-2"), none,
                "{\"kind\":\"points-due\"}", "{not json", order("c-1", "o-1", 1, Optional.empty()),
                adjustment("c-1", -150, "req-4")).event(), service::handle);

        assertEquals(List.of(), response.getBatchItemFailures(), "bad input is kept, not retried");
        assertEquals(List.of(RejectReason.INSUFFICIENT_POINTS, RejectReason.SCHEMA_VIOLATION,
                RejectReason.SCHEMA_VIOLATION, RejectReason.MALFORMED_JSON), rejects.reasons());
        assertEquals("the member has 200 points to spend: taking 500 would leave the balance below zero",
                rejects.kept().getFirst().detail());
        assertEquals(200 + 300 - 150, book.balance("c-1"), "the order's 300 points, then the debit they covered");
    }

    @Test
    void anOrdersPointsDeliveredAgainOrLateChangeNothing() {
        assertEquals("APPLIED", service.handle(order("c-1", "o-1", 2, Optional.empty())));
        assertEquals("UNCHANGED", service.handle(order("c-1", "o-1", 2, Optional.empty())), "delivered again");
        assertEquals("UNCHANGED", service.handle(order("c-1", "o-1", 1, Optional.empty())),
                "an older revision of the member, delivered late");
        assertEquals(300, book.balance("c-1"));
    }

    @Test
    void aReferredMembersFirstOrderStartsTheReferralWhichWaitsForTheRefundWindow() {
        assertEquals("APPLIED", service.handle(order("c-new", "o-1", 1, Optional.of("c-ref"))));

        Referral pending = referrals.find("c-new", true).map(Revisioned::value).orElseThrow();
        assertEquals(ReferralStatus.PENDING, pending.status());
        assertEquals("c-ref", pending.referrerId());
        Instant qualifiesAt = pending.qualifiesAt().orElseThrow();
        assertTrue(qualifiesAt.isAfter(NOW), qualifiesAt.toString());
        assertEquals(Optional.of(qualifiesAt), referralTimers.dueAt("c-new"));

        clock.set(qualifiesAt.minusSeconds(60));
        assertEquals("REFERRAL_NOT_YET", service.handle(new ReferralDue("c-new").toJson()),
                "a firing that came early");
        assertEquals(Optional.of(qualifiesAt), referralTimers.dueAt("c-new"), "re-armed for the same moment");
        assertEquals("UNCHANGED", service.handle(order("c-new", "o-1", 1, Optional.of("c-ref"))));
        assertEquals(1, referrals.find("c-new", true).orElseThrow().revision(), "the referral was not written again");
        assertEquals(0, book.balance("c-ref"), "nothing given before the refund window is over");
    }

    /** The order's points as the member archive sends them: 300 points for 300.00 paid at {@code NOW}. */
    private static String order(String customerId, String orderId, long memberRevision, Optional<String> referrer) {
        return new OrderPoints(customerId, orderId, memberRevision, Optional.of(NOW), 1, 300, 30_000, 0, false,
                Optional.empty(), referrer).toJson();
    }

    private String adjustment(String customerId, long points, String requestKey) {
        return new PointsAction(points, requestKey, "goodwill", "console:ann").event(customerId, clock.instant());
    }
}
