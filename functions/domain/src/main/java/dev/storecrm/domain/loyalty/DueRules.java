package dev.storecrm.domain.loyalty;

import dev.storecrm.domain.messaging.MessageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A member's points timer fired ({@link PointsDue}): holds whose checkout never came back are
 * freed, the lots whose date has come expire (one {@code expired} entry), the "expiring soon" mail
 * is asked for the lots it is now due for, and the timer is armed for what is due next. Only
 * members with something due are ever read, so the cost follows the points that expire.
 *
 * <p>The mail is marketing (consent, caps, quiet hours and the member's status are the sender's to
 * check when it goes), once per member and expiry date ({@code POINTS_EXPIRY#<member>#<date>}), and
 * pointless once the points are gone, so it may not go after them. A reminder whose window opened
 * before go-live (points of an imported history) is not sent at once with every other one: it waits
 * for the member's place in the go-live ramp, and at the latest for the day before the points expire.
 * A member in the expiry date's holdout group is recorded as held out instead of reminded.
 */
final class DueRules {

    static final String TEMPLATE = "points-expiring";
    static final String JOURNEY = "points-expiry";

    private DueRules() {}

    static Decision<DueOutcome> due(PointsAccount current, Instant now, LoyaltyPolicy policy) {
        if (current.lots().isEmpty() && current.holds().isEmpty() && current.armedFor().isEmpty()) {
            return Decision.none(new DueOutcome(0, 0)); // a timer of an account that has nothing (or none at all)
        }
        PointsAccount.Taking expiry = current.releaseLapsed(now).expire(now, policy.storeZone());
        PointsAccount account = expiry.account();
        List<Posting> postings = expiry.taken().isEmpty() ? List.of()
                : List.of(Posting.debit(EntryKind.EXPIRED, expiry.taken(), "expiry"));
        Optional<PointsAccount.Reminder> reminder = account.reminderDue(now, policy);
        List<MessageRequest> messages = List.of();
        long reminded = 0;
        if (reminder.isPresent()) {
            PointsAccount.Reminder due = reminder.get();
            if (due.points() >= policy.reminderMinimum()) {
                messages = List.of(message(account, due, now, policy));
                reminded = due.points();
            }
            account = account.remindedThrough(due.last());
        }
        return Decision.of(new DueOutcome(expiry.taken().total(), reminded),
                new Change(account, Optional.empty(), Optional.empty(), postings, messages, true));
    }

    private static MessageRequest message(PointsAccount account, PointsAccount.Reminder due, Instant now,
                                          LoyaltyPolicy policy) {
        String key = "POINTS_EXPIRY#" + account.customerId() + "#" + due.first();
        Map<String, Object> data = Map.of("points", due.points(), "lastDay", due.first().minusDays(1).toString(),
                "available", account.available(now, policy.storeZone()));
        Instant expires = account.expiryInstant(due.first(), policy.storeZone());
        MessageRequest request = MessageRequest.marketing(key, JOURNEY, account.customerId(), TEMPLATE, data, now)
                .notAfter(expires);
        if (policy.holdout().holdsOut(account.customerId(), JOURNEY, due.first().toString())) {
            request = request.heldOutOf();
        }
        Instant opened = account.reminderMoment(due.first(), policy);
        if (!policy.goLive().isHistory(opened)) {
            return request;
        }
        Instant inRamp = policy.goLive().stepDue(account.customerId(), opened, policy.goLive().at().orElseThrow());
        Instant latest = expires.minus(Duration.ofDays(1));
        Instant from = inRamp.isAfter(latest) ? latest : inRamp;
        return from.isAfter(now) ? request.notBefore(from) : request;
    }
}
