package dev.storecrm.winback;

import static dev.storecrm.platform.logging.LogField.entry;

import dev.storecrm.domain.Revisioned;
import dev.storecrm.domain.campaign.Holdout;
import dev.storecrm.domain.coupon.Coupon;
import dev.storecrm.domain.coupon.CouponBook;
import dev.storecrm.domain.coupon.CouponValue;
import dev.storecrm.domain.golive.GoLivePolicy;
import dev.storecrm.domain.member.MemberArchive;
import dev.storecrm.domain.member.MemberPolicy;
import dev.storecrm.domain.member.MemberRecord;
import dev.storecrm.domain.member.MemberSummary;
import dev.storecrm.domain.member.MembershipStatus;
import dev.storecrm.domain.messaging.ExitCondition;
import dev.storecrm.domain.messaging.MessageOutbox;
import dev.storecrm.domain.messaging.MessageRequest;
import dev.storecrm.domain.messaging.Timers;
import dev.storecrm.domain.winback.WinBackJournal;
import dev.storecrm.domain.winback.WinBackPolicy;
import dev.storecrm.domain.winback.WinBackTimer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A win-back timer fired: the member's silence since the last paid order reached a step.
 *
 * <ol>
 *   <li>If the member has paid an order since (the timer's episode is not the member's last order),
 *       the episode is over; the timer is re-armed for the current silence, if any.</li>
 *   <li>Otherwise the latest step the silence has reached is the one sent (a timer that fired late
 *       does not send a backlog of steps), with its coupon; the message exits if the member orders
 *       before it goes ({@link ExitCondition.NoOrderSince}).</li>
 *   <li>Frozen and cancelled members get nothing (the entry says so); consent, unsubscribes,
 *       suppression and open disputes are the sender's check, at send time.</li>
 *   <li>The timer is armed for the next step, or for the dormant status after the last one. A step
 *       that went late (in the go-live ramp) keeps the sequence's spacing to the next
 *       ({@link WinBackPolicy#nextDue}); a step an old last order makes due at once waits for the
 *       member's place in the go-live ramp ({@link GoLivePolicy#stepDue}).</li>
 * </ol>
 * A member in the episode's holdout group ({@link Holdout}) gets no step's message or coupon: each
 * step is recorded as held out, in the journal and the send ledger, when it would have gone.
 * Every step is recorded once per episode (business key {@code WINBACK#<member>#<episode>#<step>}).
 */
public final class WinBackService {

    /** What a firing did. */
    public enum Outcome { STEP_SENT, STEP_HELD_OUT, STEP_SKIPPED, DORMANT, EPISODE_OVER, NOT_DUE_YET, NO_MEMBER }

    /** The journey's name, on its messages, coupons and holdout. */
    static final String JOURNEY = "win-back";
    /** Why a held-out member's step sent nothing, in the journal (the staff's dormant list shows it). */
    public static final String HELD_OUT = "held out";

    private static final Logger LOG = LoggerFactory.getLogger(WinBackService.class);

    private final MemberArchive members;
    private final MemberPolicy memberPolicy;
    private final WinBackPolicy policy;
    private final WinBackJournal journal;
    private final CouponBook coupons;
    private final MessageOutbox outbox;
    private final Timers timers;
    private final ZoneId storeZone;
    private final GoLivePolicy goLive;
    private final Holdout holdout;
    private final Clock clock;

    public WinBackService(MemberArchive members, MemberPolicy memberPolicy, WinBackPolicy policy,
                          WinBackJournal journal, CouponBook coupons, MessageOutbox outbox, Timers timers,
                          ZoneId storeZone, GoLivePolicy goLive, Holdout holdout, Clock clock) {
        this.members = members;
        this.memberPolicy = memberPolicy;
        this.policy = policy;
        this.journal = journal;
        this.coupons = coupons;
        this.outbox = outbox;
        this.timers = timers;
        this.storeZone = storeZone;
        this.goLive = goLive;
        this.holdout = holdout;
        this.clock = clock;
    }

    public Outcome fired(WinBackTimer timer) {
        Instant now = clock.instant();
        Optional<MemberRecord> record = members.find(timer.customerId(), false).map(Revisioned::value);
        if (record.isEmpty()) {
            return Outcome.NO_MEMBER;
        }
        MemberSummary summary = MemberSummary.of(record.get(), memberPolicy, now);
        Optional<Instant> lastOrder = summary.lastOrderAt();
        if (lastOrder.isEmpty() || !lastOrder.get().equals(timer.episode())) {
            lastOrder.ifPresent(last -> armFirst(timer.customerId(), last, now));
            return Outcome.EPISODE_OVER;
        }
        Duration silence = Duration.between(timer.episode(), now);
        if (silence.compareTo(policy.dormantAfter()) >= 0) {
            journal.record(new WinBackJournal.Entry(timer.customerId(), timer.episode(), 0, now, Optional.empty(),
                    Optional.empty(), Optional.empty()));
            return Outcome.DORMANT;
        }
        Optional<WinBackPolicy.Step> reached = policy.steps().stream()
                .filter(step -> step.after().compareTo(silence) <= 0).reduce((a, b) -> b);
        if (reached.isEmpty()) {
            armFirst(timer.customerId(), timer.episode(), now);
            return Outcome.NOT_DUE_YET;
        }
        WinBackPolicy.Step step = reached.get();
        Outcome outcome = summary.status() == MembershipStatus.ACTIVE
                ? send(timer, step, summary, record.get(), now)
                : skip(timer, step, summary.status(), now);
        Optional<WinBackPolicy.Step> next = policy.after(step.number());
        if (next.isPresent()) {
            Instant due = policy.nextDue(timer.episode(), step, next.get(), now);
            arm(timer.customerId(), timer.episode(), next.get(), due, now);
        } else {
            timers.schedule(new Timers.Timer(WinBackTimer.timerId(timer.customerId()), WinBackTimer.TARGET,
                    new WinBackTimer(timer.customerId(), timer.episode(), 0).toJson(),
                    timer.episode().plus(policy.dormantAfter())));
        }
        return outcome;
    }

    private Outcome send(WinBackTimer timer, WinBackPolicy.Step step, MemberSummary summary, MemberRecord record,
                         Instant now) {
        String key = "WINBACK#" + timer.customerId() + "#" + episodeDay(timer.episode()) + "#" + step.number();
        boolean heldOut = holdout.holdsOut(timer.customerId(), JOURNEY, episodeDay(timer.episode()));
        Optional<CouponValue> value = heldOut ? Optional.empty() : step.couponFor(summary.tier().orElse(""));
        Map<String, Object> data = new HashMap<>();
        data.put("daysSinceLastOrder", Duration.between(timer.episode(), now).toDays());
        data.put("hasCoupon", value.isPresent());
        Instant couponExpiresAt = now.plus(policy.couponValidity());
        Optional<Coupon> coupon = value.map(v -> coupons.issue(
                new CouponBook.Issue(key, JOURNEY, timer.customerId(), v, now, couponExpiresAt)));
        ZoneId zone = Optional.ofNullable(record.profile().timeZone()).orElse(storeZone);
        data.put("coupon", coupon.map(c -> c.messageData(zone)).orElseGet(Coupon::noMessageData));
        Instant until = policy.after(step.number()).map(next -> timer.episode().plus(next.after()))
                .orElse(timer.episode().plus(policy.dormantAfter()));
        MessageRequest message = MessageRequest.marketing(key, JOURNEY, timer.customerId(), step.template(), data, now)
                .exitWhen(new ExitCondition.NoOrderSince(timer.episode().plusMillis(1)))
                .notAfter(until);
        outbox.enqueue(heldOut ? message.heldOutOf() : message);
        journal.record(new WinBackJournal.Entry(timer.customerId(), timer.episode(), step.number(), now,
                coupon.map(Coupon::code), Optional.of(key), heldOut ? Optional.of(HELD_OUT) : Optional.empty()));
        LOG.info(heldOut ? "win-back step held out" : "win-back step requested",
                entry("customerId", timer.customerId()), entry("step", step.number()));
        return heldOut ? Outcome.STEP_HELD_OUT : Outcome.STEP_SENT;
    }

    private Outcome skip(WinBackTimer timer, WinBackPolicy.Step step, MembershipStatus status, Instant now) {
        journal.record(new WinBackJournal.Entry(timer.customerId(), timer.episode(), step.number(), now,
                Optional.empty(), Optional.empty(), Optional.of("membership " + status.wire())));
        return Outcome.STEP_SKIPPED;
    }

    private void armFirst(String customerId, Instant episode, Instant now) {
        WinBackPolicy.Step first = policy.first().orElseThrow();
        arm(customerId, episode, first, episode.plus(first.after()), now);
    }

    private void arm(String customerId, Instant episode, WinBackPolicy.Step step, Instant due, Instant now) {
        timers.schedule(new Timers.Timer(WinBackTimer.timerId(customerId), WinBackTimer.TARGET,
                new WinBackTimer(customerId, episode, step.number()).toJson(), goLive.stepDue(customerId, due, now)));
    }

    private static String episodeDay(Instant episode) {
        return episode.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }
}
