package dev.storecrm.domain.loyalty;

import dev.storecrm.domain.ConcurrentUpdateException;
import dev.storecrm.domain.Revisioned;
import dev.storecrm.domain.concurrency.OptimisticRetry;
import dev.storecrm.domain.messaging.MessageOutbox;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The points ledger: every change to a member's points is one read of the account (and of the
 * order's record or the request's marker), a decision by the rules, and one conditional write of
 * the account with the entries it caused ({@link PointsBook#commit}). A writer that finds the
 * account changed since it read it reads again and decides again, so the balance stays the sum of
 * the entries and is never negative, however many writers race.
 *
 * <p>Before the write, the member's points timer is brought forward to the account's next due
 * moment if that is earlier than the one it is armed for, and the messages are put on the outbox
 * (idempotent by business key): a write that then fails leaves at most an early timer, whose firing
 * finds nothing due and re-arms, or a message request the sender already has.
 */
public final class PointsLedger {

    /** One decision about a member's points, given what the ledger read. */
    @FunctionalInterface
    interface Rule<R> {
        Decision<R> decide(PointsAccount account, OrderPointsState order, boolean requestRecorded, Instant now);
    }

    static final int ATTEMPTS = 8;
    private static final OptimisticRetry RETRY = new OptimisticRetry(ATTEMPTS);

    private final PointsBook book;
    private final PointsTimer timer;
    private final MessageOutbox outbox;
    private final LoyaltyPolicy policy;
    private final Clock clock;

    public PointsLedger(PointsBook book, PointsTimer timer, MessageOutbox outbox, LoyaltyPolicy policy, Clock clock) {
        this.book = book;
        this.timer = timer;
        this.outbox = outbox;
        this.policy = policy;
        this.clock = clock;
    }

    public LoyaltyPolicy policy() {
        return policy;
    }

    /** An order's points as the member archive wrote them: true if the ledger changed. */
    public boolean applyOrder(OrderPoints change) {
        return change(change.customerId(), Optional.of(change.orderId()), Optional.empty(),
                (account, order, recorded, now) -> OrderRules.apply(account, order, change, now, policy));
    }

    /** The member's points timer fired: what expired, and what the reminder mailed about. */
    public DueOutcome due(PointsDue due) {
        return change(due.customerId(), Optional.empty(), Optional.empty(),
                (account, order, recorded, now) -> DueRules.due(account, now, policy));
    }

    /** An adjustment or a referral reward, once per request key (see {@link Grant}). */
    public Grant.Outcome grant(String customerId, Grant grant) {
        return change(customerId, Optional.empty(), Optional.of(grant.requestKey()),
                (account, order, recorded, now) -> GrantRules.grant(account, recorded, grant, now, policy));
    }

    public RedemptionOutcome reserve(String customerId, String orderId, long points) {
        return change(customerId, Optional.of(orderId), Optional.empty(),
                (account, order, recorded, now) -> RedemptionRules.reserve(account, order, points, now, policy));
    }

    public RedemptionOutcome confirm(String customerId, String orderId) {
        return change(customerId, Optional.of(orderId), Optional.empty(),
                (account, order, recorded, now) -> RedemptionRules.confirm(account, order, now, policy));
    }

    public RedemptionOutcome release(String customerId, String orderId) {
        return change(customerId, Optional.of(orderId), Optional.empty(),
                (account, order, recorded, now) -> RedemptionRules.release(account, order, now, policy));
    }

    /** The account as an eventually consistent read finds it (lapsed holds counted as free). */
    public Optional<PointsAccount> account(String customerId) {
        return book.account(customerId, false).map(Revisioned::value).map(a -> a.releaseLapsed(clock.instant()));
    }

    /** What the ledger holds of an order. */
    public Optional<OrderPointsState> order(String customerId, String orderId) {
        return book.order(customerId, orderId, false).map(Revisioned::value);
    }

    /** A member's entries, the latest first. */
    public List<LedgerEntry> entries(String customerId, int limit, OptionalLong before) {
        return book.entries(customerId, limit, before);
    }

    <R> R change(String customerId, Optional<String> orderId, Optional<String> requestKey, Rule<R> rule) {
        return RETRY.run("the points of " + customerId, attempt -> {
            if (attempt > 1) {
                pause(attempt);
            }
            boolean consistent = attempt > 1;
            Optional<Revisioned<PointsAccount>> stored = book.account(customerId, consistent);
            Optional<Revisioned<OrderPointsState>> order =
                    orderId.flatMap(id -> book.order(customerId, id, consistent));
            boolean recorded = requestKey.map(key -> book.requestRecorded(customerId, key)).orElse(false);
            Instant now = clock.instant();
            PointsAccount account = stored.map(Revisioned::value).orElseGet(() -> PointsAccount.open(customerId));
            Decision<R> decision = rule.decide(account, order.map(Revisioned::value)
                    .orElseGet(() -> OrderPointsState.unseen(orderId.orElse(""))), recorded, now);
            decision.change().ifPresent(change -> write(stored, order, change, now));
            return decision.result();
        });
    }

    private void write(Optional<Revisioned<PointsAccount>> stored, Optional<Revisioned<OrderPointsState>> order,
                       Change change, Instant now) {
        PointsAccount account = change.account();
        String customerId = account.customerId();
        Optional<Instant> due = account.nextDue(policy);
        if (change.rearm()) {
            due.ifPresentOrElse(at -> timer.rearm(customerId, at), () -> timer.cancel(customerId));
            account = account.armedFor(due);
        } else if (due.isPresent() && account.armedFor().map(armed -> due.get().isBefore(armed)).orElse(true)) {
            timer.bringForward(account.customerId(), due.get());
            account = account.armedFor(due);
        }
        outbox.enqueueAll(change.messages());
        long revision = stored.map(Revisioned::revision).orElse(0L) + 1;
        long balance = stored.map(s -> s.value().balance()).orElse(0L);
        List<LedgerEntry> entries = new ArrayList<>();
        for (Posting posting : change.postings()) {
            balance += posting.points();
            entries.add(new LedgerEntry(account.customerId(), revision, entries.size(), posting, balance, now));
        }
        if (balance != account.balance()) {
            throw new IllegalStateException("the entries of " + account.customerId() + " do not add up to its balance");
        }
        book.commit(new PointsBook.Movement(account,
                stored.map(s -> OptionalLong.of(s.revision())).orElse(OptionalLong.empty()), change.order(),
                order.map(o -> OptionalLong.of(o.revision())).orElse(OptionalLong.empty()), change.request(),
                entries, now));
    }

    /** A short random pause before each retry, longer after each conflict, so that racing writers spread out. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 1 + 4L * attempt));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ConcurrentUpdateException("interrupted while the points kept changing");
        }
    }
}
