package dev.storecrm.domain.loyalty;

import static dev.storecrm.domain.loyalty.LoyaltyFixtures.POLICY;
import static dev.storecrm.domain.loyalty.LoyaltyFixtures.SHANGHAI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.loyalty.Redemption.Status;
import dev.storecrm.domain.loyalty.RedemptionOutcome.Done;
import dev.storecrm.domain.loyalty.RedemptionOutcome.Refusal;
import dev.storecrm.domain.loyalty.RedemptionOutcome.Refused;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The redemption state machine, decision by decision (the ledger writes what each decides). */
class RedemptionRulesTest {

    private static final Instant NOW = Instant.parse("2027-06-01T02:00:00Z");
    private static final LocalDate LOT = LocalDate.of(2028, 2, 1);

    private PointsAccount account = PointsAccount.open("c-1").withZone(Optional.of(SHANGHAI)).credit(Lots.of(LOT,
            1_000));
    private OrderPointsState order = OrderPointsState.unseen("o-1");

    @Test
    void aReservationHoldsThePointsAndAskingAgainAnswersTheSame() {
        Done reserved = (Done) apply(RedemptionRules.reserve(account, order, 400, NOW, POLICY));
        assertEquals(Status.RESERVED, reserved.redemption().status());
        assertEquals(600, reserved.available());
        assertEquals(NOW.plusSeconds(1_800), reserved.redemption().expiresAt());
        Decision<RedemptionOutcome> again = RedemptionRules.reserve(account, order, 400, NOW.plusSeconds(60), POLICY);
        assertTrue(again.change().isEmpty(), "the same reservation again writes nothing");
        assertFalse(((Done) again.result()).changed());
        assertEquals(Refusal.AMOUNT_DIFFERS, refusal(RedemptionRules.reserve(account, order, 500, NOW, POLICY)));
    }

    @Test
    void aReservationOfMoreThanCanBeSpentIsRefusedWithWhatCan() {
        Refused refused = (Refused) RedemptionRules.reserve(account, order, 1_001, NOW, POLICY).result();
        assertEquals(Refusal.INSUFFICIENT_POINTS, refused.refusal());
        assertEquals(1_000, refused.available());
    }

    @Test
    void aMemberHoldsABoundedNumberOfReservations() {
        for (int i = 0; i < POLICY.maxReservations(); i++) {
            order = OrderPointsState.unseen("o-" + i);
            apply(RedemptionRules.reserve(account, order, 10, NOW, POLICY));
        }
        assertEquals(Refusal.TOO_MANY_RESERVATIONS,
                refusal(RedemptionRules.reserve(account, OrderPointsState.unseen("o-x"), 10, NOW, POLICY)));
    }

    @Test
    void confirmingSpendsTheHeldPointsOnceAndAReleaseAfterwardsIsRefused() {
        apply(RedemptionRules.reserve(account, order, 400, NOW, POLICY));
        Decision<RedemptionOutcome> confirm = RedemptionRules.confirm(account, order, NOW.plusSeconds(60), POLICY);
        Done confirmed = (Done) apply(confirm);
        assertEquals(Status.CONFIRMED, confirmed.redemption().status());
        assertEquals(-400, confirm.change().orElseThrow().postings().getFirst().points());
        assertEquals(600, account.balance());
        assertTrue(RedemptionRules.confirm(account, order, NOW.plusSeconds(90), POLICY).change().isEmpty(),
                "idempotent");
        assertEquals(Refusal.ALREADY_CONFIRMED, refusal(RedemptionRules.release(account, order, NOW, POLICY)));
        assertEquals(Status.CONFIRMED, ((Done) RedemptionRules.reserve(account, order, 400, NOW, POLICY).result())
                .redemption().status(), "a reservation repeated after its confirmation answers with the confirmation");
    }

    @Test
    void aReleasedReservationFreesItsPointsCannotBeConfirmedAndMayBeMadeAgain() {
        apply(RedemptionRules.reserve(account, order, 400, NOW, POLICY));
        Done released = (Done) apply(RedemptionRules.release(account, order, NOW, POLICY));
        assertEquals(Status.RELEASED, released.redemption().status());
        assertEquals(1_000, released.available());
        assertTrue(RedemptionRules.release(account, order, NOW, POLICY).change().isEmpty(), "idempotent");
        assertEquals(Refusal.RELEASED, refusal(RedemptionRules.confirm(account, order, NOW, POLICY)));
        assertEquals(Status.RESERVED, ((Done) apply(RedemptionRules.reserve(account, order, 300, NOW, POLICY)))
                .redemption().status(), "the checkout may try again for the same order");
    }

    @Test
    void aReservationNotConfirmedInTimeLapsesAndItsConfirmationIsRefused() {
        apply(RedemptionRules.reserve(account, order, 400, NOW, POLICY));
        Instant late = NOW.plus(POLICY.reservationTtl());
        Decision<RedemptionOutcome> confirm = RedemptionRules.confirm(account, order, late, POLICY);
        assertEquals(Refusal.RESERVATION_EXPIRED, ((Refused) confirm.result()).refusal());
        assertEquals(1_000, ((Refused) confirm.result()).available());
        apply(confirm);
        assertEquals(Status.EXPIRED, order.redemption().orElseThrow().status());
        assertEquals(1_000, account.balance());
        assertEquals(0, account.reserved());
    }

    @Test
    void anOrderAlreadyCancelledTakesNoReservationAndAnUnknownOneHasNoRedemption() {
        OrderPointsState cancelled = new OrderPointsState("o-1", 5, 0, 0, 0, 0, true, Optional.empty());
        assertEquals(Refusal.ORDER_CLOSED, refusal(RedemptionRules.reserve(account, cancelled, 10, NOW, POLICY)));
        assertTrue(RedemptionRules.confirm(account, order, NOW, POLICY).result() instanceof RedemptionOutcome.NotFound);
        assertTrue(RedemptionRules.release(account, order, NOW, POLICY).result() instanceof RedemptionOutcome.NotFound);
    }

    private RedemptionOutcome apply(Decision<RedemptionOutcome> decision) {
        decision.change().ifPresent(change -> {
            account = change.account();
            order = change.order().orElse(order);
        });
        return decision.result();
    }

    private static Refusal refusal(Decision<RedemptionOutcome> decision) {
        assertTrue(decision.change().isEmpty(), "a refusal of a request writes nothing");
        return ((Refused) decision.result()).refusal();
    }
}
