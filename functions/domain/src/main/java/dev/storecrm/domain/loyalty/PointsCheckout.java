package dev.storecrm.domain.loyalty;

import dev.storecrm.domain.Revisioned;
import dev.storecrm.domain.member.MemberArchive;
import dev.storecrm.domain.member.MemberPolicy;
import dev.storecrm.domain.member.MemberSummary;
import dev.storecrm.domain.member.MembershipStatus;
import java.time.Clock;
import java.util.Optional;

/**
 * The store checkout's side of the ledger: a reservation is only for an active member (one who is
 * frozen, cancelled or not a member yet spends nothing; the archive says which), then the ledger's
 * rules ({@link PointsLedger#reserve}). Confirming and releasing need no status: they finish what a
 * reservation began.
 */
public final class PointsCheckout {

    private final PointsLedger ledger;
    private final MemberArchive members;
    private final MemberPolicy memberPolicy;
    private final Clock clock;

    public PointsCheckout(PointsLedger ledger, MemberArchive members, MemberPolicy memberPolicy, Clock clock) {
        this.ledger = ledger;
        this.members = members;
        this.memberPolicy = memberPolicy;
        this.clock = clock;
    }

    public RedemptionOutcome reserve(String customerId, String orderId, long points) {
        MembershipStatus status = members.find(customerId, false).map(Revisioned::value)
                .map(record -> MemberSummary.of(record, memberPolicy, clock.instant()).status())
                .orElse(MembershipStatus.NONE);
        if (status != MembershipStatus.ACTIVE) {
            long available = ledger.account(customerId)
                    .map(a -> a.available(clock.instant(), ledger.policy().storeZone())).orElse(0L);
            return new RedemptionOutcome.Refused(orderId, RedemptionOutcome.Refusal.MEMBER_NOT_ACTIVE,
                    "the customer is " + (status == MembershipStatus.NONE ? "not a member" : status.wire()), available);
        }
        return ledger.reserve(customerId, orderId, points);
    }

    public RedemptionOutcome confirm(String customerId, String orderId) {
        return ledger.confirm(customerId, orderId);
    }

    public RedemptionOutcome release(String customerId, String orderId) {
        return ledger.release(customerId, orderId);
    }

    /** The order's redemption as it stands. */
    public Optional<Redemption> redemption(String customerId, String orderId) {
        return ledger.order(customerId, orderId).flatMap(OrderPointsState::redemption);
    }

    /** The member's account as the checkout shows it; an account with nothing for a customer the ledger never saw. */
    public PointsAccount account(String customerId) {
        return ledger.account(customerId).orElseGet(() -> PointsAccount.open(customerId));
    }

    public LoyaltyPolicy policy() {
        return ledger.policy();
    }
}
