package dev.storecrm.domain.referral;

import dev.storecrm.domain.Revisioned;
import dev.storecrm.domain.concurrency.OptimisticRetry;
import dev.storecrm.domain.referral.ReferralParties.Party;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Runs the referral rules against the stores: each order of a referred member ({@link #onOrder}) and
 * each referral timer ({@link #due}) is one read of the referral, a decision, and one conditional save.
 *
 * <p>The state is saved before its effects, and the effects are idempotent by request key: the timer
 * is brought forward before the save (a save that fails leaves at most an early timer, whose firing
 * rearms it), and the points are given or taken back after it, by the ledger, once per key. A message
 * redelivered after a crash between the save and the points finds the referral decided and gives or
 * takes the points it missed; so each referee's reward is given at most once and, once the referral
 * says so, at least once.
 */
public final class ReferralProgram {

    /** What a message did to its referral. */
    public enum Outcome { UNCHANGED, PENDING, REWARDED, REFUSED, REVERSED, NOT_YET }

    private static final String ACTOR_REASON = "referral reward for ";

    private final ReferralBook book;
    private final ReferralParties parties;
    private final ReferralTimer timer;
    private final Function<String, ReferralRewards> rewards;
    private final ReferralPolicy policy;
    private final Clock clock;

    /** {@code rewards}: the rewards of a referral by the reward it recorded ({@link ReferralRewards#byKind}). */
    public ReferralProgram(ReferralBook book, ReferralParties parties, ReferralTimer timer,
                           Function<String, ReferralRewards> rewards, ReferralPolicy policy, Clock clock) {
        this.book = book;
        this.parties = parties;
        this.timer = timer;
        this.rewards = rewards;
        this.policy = policy;
        this.clock = clock;
    }

    /** An order of a member: changes their referral if they name a referrer (others cost nothing). */
    public Outcome onOrder(ReferralOrder order) {
        if (order.referrerId().isEmpty()) {
            return Outcome.UNCHANGED;
        }
        return OptimisticRetry.standard().run("the referral of " + order.refereeId(), attempt -> {
            Optional<Revisioned<Referral>> stored = book.find(order.refereeId(), attempt > 1);
            Instant now = clock.instant();
            Optional<Referral> next = ReferralRules.onOrder(stored.map(Revisioned::value), order, policy, now);
            if (next.isEmpty()) {
                stored.map(Revisioned::value).filter(r -> r.orderId().map(order.orderId()::equals).orElse(false))
                        .ifPresent(this::settle);
                return Outcome.UNCHANGED;
            }
            Referral referral = next.get();
            if (referral.pending()) {
                timer.bringForward(referral.refereeId(), referral.qualifiesAt().orElseThrow());
            }
            book.save(referral, revision(stored));
            if (!referral.pending() && stored.map(s -> s.value().pending()).orElse(false)) {
                timer.cancel(referral.refereeId());
            }
            settle(referral);
            return outcome(referral);
        });
    }

    /** The referral's timer fired: rewards or refuses it if the refund window is over; else rearms. */
    public Outcome due(ReferralDue due) {
        return OptimisticRetry.standard().run("the referral of " + due.refereeId(), attempt -> {
            Optional<Revisioned<Referral>> stored = book.find(due.refereeId(), true);
            if (stored.isEmpty()) {
                return Outcome.UNCHANGED;
            }
            Referral referral = stored.get().value();
            if (!referral.pending()) {
                settle(referral);
                return Outcome.UNCHANGED;
            }
            Instant now = clock.instant();
            Instant qualifiesAt = referral.qualifiesAt().orElseThrow();
            if (now.isBefore(qualifiesAt)) {
                timer.rearm(referral.refereeId(), qualifiesAt);
                return Outcome.NOT_YET;
            }
            Optional<Party> referrer = parties.find(referral.referrerId());
            Referral decided = ReferralRules.decide(referral, parties.find(referral.refereeId()), referrer,
                    chain(referrer), now);
            book.save(decided, revision(stored));
            settle(decided);
            return outcome(decided);
        });
    }

    /** The referrers above {@code referrer}, nearest first, at most the policy's loop depth (one read each). */
    private List<Party> chain(Optional<Party> referrer) {
        List<Party> chain = new ArrayList<>();
        Optional<String> next = referrer.flatMap(Party::referrerId);
        while (next.isPresent() && chain.size() < policy.loopDepth()) {
            Optional<Party> up = parties.find(next.get());
            if (up.isEmpty()) {
                break;
            }
            chain.add(up.get());
            next = up.get().referrerId().filter(id -> chain.stream().noneMatch(p -> p.customerId().equals(id)));
        }
        return chain;
    }

    /** Gives (and, for a reversed reward, takes back) the points the referral says were given. */
    private void settle(Referral referral) {
        if (!referral.rewarded()) {
            return;
        }
        String why = ACTOR_REASON + referral.refereeId() + " (first order " + referral.orderId().orElse("") + ")";
        ReferralRewards rewards = this.rewards.apply(referral.reward());
        rewards.give(referral.referrerId(), referral.referrerPoints(), referral.referrerRewardKey(), why);
        if (referral.refereePoints() > 0) {
            rewards.give(referral.refereeId(), referral.refereePoints(), referral.refereeRewardKey(), why);
        }
        if (referral.status() == ReferralStatus.REVERSED) {
            String reason = referral.reason().orElseThrow();
            rewards.takeBack(referral.referrerId(), referral.referrerPoints(),
                    Referral.reversalKey(referral.referrerRewardKey()), reason);
            if (referral.refereePoints() > 0) {
                rewards.takeBack(referral.refereeId(), referral.refereePoints(),
                        Referral.reversalKey(referral.refereeRewardKey()), reason);
            }
        }
    }

    private static OptionalLong revision(Optional<Revisioned<Referral>> stored) {
        return stored.map(s -> OptionalLong.of(s.revision())).orElse(OptionalLong.empty());
    }

    private static Outcome outcome(Referral referral) {
        return switch (referral.status()) {
            case PENDING -> Outcome.PENDING;
            case REWARDED -> Outcome.REWARDED;
            case REFUSED -> Outcome.REFUSED;
            case REVERSED -> Outcome.REVERSED;
        };
    }
}
