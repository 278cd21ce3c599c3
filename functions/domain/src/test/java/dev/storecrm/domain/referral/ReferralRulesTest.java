package dev.storecrm.domain.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.golive.GoLivePolicy;
import dev.storecrm.domain.member.MembershipStatus;
import dev.storecrm.domain.referral.ReferralParties.Party;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReferralRulesTest {

    static final ReferralPolicy POLICY = new ReferralPolicy(Duration.ofDays(30), 500, 200, 3, GoLivePolicy.none());
    private static final Instant NOW = Instant.parse("2027-03-01T00:00:00Z");

    static ReferralOrder order(String orderId, String paidAt, boolean undone) {
        return new ReferralOrder("c-b", Optional.of("c-a"), orderId, Optional.of(Instant.parse(paidAt)), undone);
    }

    static Party party(String id, MembershipStatus status, String email, String phone, String referrer) {
        return new Party(id, status, Optional.ofNullable(email), Optional.ofNullable(phone),
                Optional.ofNullable(referrer));
    }

    private static Referral apply(List<ReferralOrder> orders) {
        Optional<Referral> state = Optional.empty();
        for (ReferralOrder order : orders) {
            Optional<Referral> next = ReferralRules.onOrder(state, order, POLICY, NOW);
            if (next.isPresent()) {
                state = next;
            }
        }
        return state.orElseThrow();
    }

    @Test
    void theFirstPaidOrderOpensAReferralThatWaitsForItsRefundWindow() {
        Referral referral = apply(List.of(order("o-1", "2027-02-10T08:00:00Z", false)));
        assertEquals(ReferralStatus.PENDING, referral.status());
        assertEquals(Optional.of(Instant.parse("2027-03-12T08:00:00Z")), referral.qualifiesAt());
        assertEquals(Optional.empty(), ReferralRules.onOrder(Optional.of(referral),
                order("o-2", "2027-02-20T08:00:00Z", false), POLICY, NOW), "a later order changes nothing");
        assertEquals(Optional.empty(), ReferralRules.onOrder(Optional.empty(),
                new ReferralOrder("c-b", Optional.empty(), "o-1", Optional.of(NOW), false), POLICY, NOW),
                "a member naming no referrer has no referral");
    }

    @Test
    void everyOrderOfDuplicatedAndReorderedMessagesEndsTheSame() {
        ReferralOrder first = order("o-1", "2027-02-10T08:00:00Z", false);
        ReferralOrder second = order("o-2", "2027-02-11T08:00:00Z", false);
        ReferralOrder secondRefunded = order("o-2", "2027-02-11T08:00:00Z", true);
        List<List<ReferralOrder>> permutations = permutations(List.of(first, second, secondRefunded, first));
        for (List<ReferralOrder> sequence : permutations) {
            Referral referral = apply(sequence);
            assertEquals(ReferralStatus.PENDING, referral.status(), sequence.toString());
            assertEquals(Optional.of("o-1"), referral.orderId(), "the earliest paid order decides: " + sequence);
        }
        for (List<ReferralOrder> sequence : permutations(List.of(first, order("o-1", "2027-02-10T08:00:00Z", true),
                second))) {
            Referral referral = apply(sequence);
            assertEquals(ReferralStatus.REVERSED, referral.status(), sequence.toString());
            assertEquals(Optional.of(ReferralRules.UNDONE_BEFORE), referral.reason());
        }
    }

    @Test
    void aSelfReferralByIdIsRefusedAtOnceWithTheReason() {
        Referral referral = apply(List.of(new ReferralOrder("c-b", Optional.of("c-b"), "o-1", Optional.of(NOW),
                false)));
        assertEquals(ReferralStatus.REFUSED, referral.status());
        assertEquals(Optional.of(ReferralRules.SELF_ID), referral.reason());
        assertEquals(Optional.empty(), ReferralRules.onOrder(Optional.of(referral),
                order("o-1", NOW.toString(), true), POLICY, NOW), "a refused referral stays refused");
    }

    @Test
    void aRewardIsReversedOnlyByItsOwnOrdersRefund() {
        Referral pending = apply(List.of(order("o-1", "2027-01-10T08:00:00Z", false)));
        Referral rewarded = ReferralRules.decide(pending, Optional.of(party("c-b", MembershipStatus.ACTIVE,
                "b@example.com", null, "c-a")), Optional.of(party("c-a", MembershipStatus.ACTIVE, "a@example.com",
                null, null)), List.of(), NOW);
        assertEquals(ReferralStatus.REWARDED, rewarded.status());
        assertEquals(200, rewarded.refereePoints());
        assertEquals(Optional.empty(), ReferralRules.onOrder(Optional.of(rewarded),
                order("o-2", "2027-02-10T08:00:00Z", true), POLICY, NOW));
        Referral reversed = ReferralRules.onOrder(Optional.of(rewarded), order("o-1", "2027-01-10T08:00:00Z", true),
                POLICY, NOW).orElseThrow();
        assertEquals(ReferralStatus.REVERSED, reversed.status());
        assertTrue(reversed.rewarded(), "the reversal remembers there was a reward to take back");
        assertEquals(Optional.of(ReferralRules.UNDONE_AFTER), reversed.reason());
    }

    @Test
    void theChecksRefuseSelfReferralsByContactLoopsAndReferrersWhoCannotEarn() {
        Referral pending = apply(List.of(order("o-1", "2027-01-10T08:00:00Z", false)));
        Party referee = party("c-b", MembershipStatus.ACTIVE, "b@example.com", "+8613800000000", "c-a");
        assertEquals(Optional.of(ReferralRules.SELF_EMAIL), decide(pending, referee,
                party("c-a", MembershipStatus.ACTIVE, "b@example.com", null, null), List.of()).reason());
        assertEquals(Optional.of(ReferralRules.SELF_PHONE), decide(pending, referee,
                party("c-a", MembershipStatus.ACTIVE, "a@example.com", "+8613800000000", null), List.of()).reason());
        assertEquals(Optional.of("referral loop: c-b -> c-a -> c-b"), decide(pending, referee,
                party("c-a", MembershipStatus.ACTIVE, "a@example.com", null, "c-b"), List.of(referee)).reason());
        assertEquals(Optional.of("referral loop: c-b -> c-a -> c-c -> c-b"), decide(pending, referee,
                party("c-a", MembershipStatus.ACTIVE, null, null, "c-c"),
                List.of(party("c-c", MembershipStatus.ACTIVE, null, null, "c-b"), referee)).reason());
        assertEquals(Optional.of("the referrer is not an active member (frozen)"), decide(pending, referee,
                party("c-a", MembershipStatus.FROZEN, null, null, null), List.of()).reason());
        assertEquals(Optional.of(ReferralRules.UNKNOWN_REFERRER),
                ReferralRules.decide(pending, Optional.of(referee), Optional.empty(), List.of(), NOW).reason());
        Referral chainBeyondTheBound = decide(pending, referee,
                party("c-a", MembershipStatus.ACTIVE, null, null, "c-c"),
                List.of(party("c-c", MembershipStatus.ACTIVE, null, null, "c-d")));
        assertEquals(ReferralStatus.REWARDED, chainBeyondTheBound.status(), "no loop within the chain read");
        Referral frozenReferee = decide(pending, party("c-b", MembershipStatus.FROZEN, null, null, "c-a"),
                party("c-a", MembershipStatus.ACTIVE, null, null, null), List.of());
        assertEquals(ReferralStatus.REWARDED, frozenReferee.status());
        assertEquals(0, frozenReferee.refereePoints(), "a frozen referee earns nothing, the referrer still does");
    }

    @Test
    void aFirstOrderPaidBeforeGoLiveEarnsNothing() {
        ReferralPolicy live = new ReferralPolicy(Duration.ofDays(30), 500, 0, 3,
                new GoLivePolicy(Optional.of(Instant.parse("2027-02-01T00:00:00Z")), Duration.ofDays(14)));
        Referral referral = ReferralRules.onOrder(Optional.empty(), order("o-1", "2027-01-10T08:00:00Z", false), live,
                NOW).orElseThrow();
        assertEquals(ReferralStatus.REFUSED, referral.status());
        assertEquals(Optional.of(ReferralRules.BEFORE_GO_LIVE), referral.reason());
    }

    private static Referral decide(Referral pending, Party referee, Party referrer, List<Party> chain) {
        return ReferralRules.decide(pending, Optional.of(referee), Optional.of(referrer), chain, NOW);
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> all = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T head = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> one = new ArrayList<>();
                one.add(head);
                one.addAll(tail);
                all.add(one);
            }
        }
        return all;
    }
}
