package dev.storecrm.greetings;

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
import dev.storecrm.domain.messaging.MessageOutbox;
import dev.storecrm.domain.messaging.MessageRequest;
import dev.storecrm.domain.occasion.GreetingCalendar;
import dev.storecrm.domain.occasion.Occasion;
import dev.storecrm.domain.occasion.OccasionDiary;
import dev.storecrm.domain.occasion.OccasionPolicy;
import dev.storecrm.domain.occasion.Occasions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hourly greeting run. It reads the occasions due in each hour since the last run (three small
 * key ranges per hour and shard: see {@link GreetingCalendar}), checks each against the member
 * archive as it is now, and for an active member puts a greeting on the outbox, with a gift coupon
 * when the date was given early enough; then files the occasion for next year. The message may not
 * go after the end of the member's local day ({@code notAfter}), so a greeting is never late by a
 * day. Running an hour twice sends nothing twice: the greeting and the coupon are keyed by member,
 * kind and year. A member in the occasion's holdout group for the year ({@link Holdout}) gets neither
 * the greeting nor the gift: the greeting is recorded as held out. An occasion whose greeting time
 * came before go-live (the history imported before the store went live on this stack) gets no
 * greeting and no gift; it is filed for next year.
 */
public final class GreetingService {

    /** What a run did. */
    public record Report(long hours, int greeted, int withGift, int skipped, int refiled, int heldOut) {}

    static final int MAX_HOURS_PER_RUN = 48;
    private static final Logger LOG = LoggerFactory.getLogger(GreetingService.class);

    private final OccasionDiary diary;
    private final GreetingCalendar calendar;
    private final MemberArchive members;
    private final MemberPolicy memberPolicy;
    private final OccasionPolicy policy;
    private final ZoneId storeZone;
    private final CouponBook coupons;
    private final MessageOutbox outbox;
    private final GoLivePolicy goLive;
    private final Holdout holdout;
    private final Clock clock;

    public GreetingService(OccasionDiary diary, MemberArchive members, MemberPolicy memberPolicy, OccasionPolicy policy,
                           ZoneId storeZone, CouponBook coupons, MessageOutbox outbox, GoLivePolicy goLive,
                           Holdout holdout, Clock clock) {
        this.diary = diary;
        this.calendar = new GreetingCalendar(policy);
        this.members = members;
        this.memberPolicy = memberPolicy;
        this.policy = policy;
        this.storeZone = storeZone;
        this.coupons = coupons;
        this.outbox = outbox;
        this.goLive = goLive;
        this.holdout = holdout;
        this.clock = clock;
    }

    public Report run() {
        Instant now = clock.instant();
        Instant thisHour = now.truncatedTo(ChronoUnit.HOURS);
        Instant from = diary.lastRun().map(h -> h.plus(1, ChronoUnit.HOURS)).orElse(thisHour);
        Instant last = from.plus(MAX_HOURS_PER_RUN - 1, ChronoUnit.HOURS);
        if (last.isAfter(thisHour)) {
            last = thisHour;
        }
        Counts counts = new Counts();
        long hours = 0;
        for (Instant hour = from; !hour.isAfter(last); hour = hour.plus(1, ChronoUnit.HOURS)) {
            hours++;
            for (GreetingCalendar.Range range : GreetingCalendar.rangesFor(hour)) {
                for (int shard = 0; shard < diary.shards(); shard++) {
                    for (OccasionDiary.Entry entry : diary.due(range, shard)) {
                        greet(entry, now, counts);
                    }
                }
            }
            diary.completedRun(hour);
        }
        return new Report(hours, counts.greeted, counts.withGift, counts.skipped, counts.refiled, counts.heldOut);
    }

    private void greet(OccasionDiary.Entry entry, Instant now, Counts counts) {
        Occasion filed = entry.occasion();
        Optional<Revisioned<MemberRecord>> stored = members.find(filed.customerId(), false);
        if (stored.isEmpty()) {
            diary.remove(filed.customerId(), filed.kind());
            counts.skipped++;
            return;
        }
        MemberRecord record = stored.get().value();
        MemberSummary summary = MemberSummary.of(record, memberPolicy, now);
        Optional<Occasion> current = Occasions.of(record, summary, policy, storeZone).stream()
                .filter(o -> o.kind().equals(filed.kind())).findFirst();
        if (current.isEmpty()) {
            diary.remove(filed.customerId(), filed.kind());
            counts.skipped++;
            return;
        }
        if (!current.get().date().equals(filed.date()) || !current.get().zone().equals(filed.zone())) {
            // The archive moved on (a new date or time zone) and its refile is on its way or was lost:
            // file the occasion as it now is; it is greeted when that greeting falls due.
            diary.file(current.get(), calendar.next(current.get(), now), stored.get().revision());
            counts.refiled++;
            return;
        }
        GreetingCalendar.Due due = entry.due();
        if (!goLive.greets(due.localDate().atTime(policy.greetAt()).atZone(current.get().zone()).toInstant())) {
            LOG.info("greeting skipped: its day came before go-live", entry("customerId", filed.customerId()),
                    entry("kind", filed.kind()), entry("year", due.year()));
            counts.skipped++;
        } else if (summary.status() == MembershipStatus.ACTIVE) {
            sendGreeting(current.get(), due, record, summary, now, counts);
        } else {
            LOG.info("greeting skipped: membership not active", entry("customerId", filed.customerId()),
                    entry("kind", filed.kind()), entry("status", summary.status().wire()));
            counts.skipped++;
        }
        diary.advance(entry, calendar.after(current.get(), due.year()));
    }

    private void sendGreeting(Occasion occasion, GreetingCalendar.Due due, MemberRecord record, MemberSummary summary,
                              Instant now, Counts counts) {
        ZoneId zone = occasion.zone();
        Instant endOfDay = due.localDate().plusDays(1).atStartOfDay(zone).toInstant();
        boolean givenInTime = !occasion.setAt().isAfter(due.localDate().atStartOfDay(zone).toInstant()
                .minus(policy.minimumNotice()));
        boolean heldOut = holdout.holdsOut(occasion.customerId(), occasion.kind(), String.valueOf(due.year()));
        Optional<CouponValue> gift = givenInTime && !heldOut
                ? policy.giftFor(summary.tier().orElse("")) : Optional.empty();
        Map<String, Object> data = new HashMap<>();
        data.put("kind", occasion.kind());
        data.put("localDate", due.localDate().toString());
        data.put("doublePoints", occasion.kind().equals(Occasion.BIRTHDAY)
                && memberPolicy.birthdayBonus().multiplier() > 1);
        data.put("pointsMultiplier", memberPolicy.birthdayBonus().multiplier());
        int years = occasion.date().knownYear().map(start -> due.year() - start).orElse(0);
        data.put("years", years);
        data.put("hasYears", years > 0 && !occasion.kind().equals(Occasion.BIRTHDAY));
        data.put("hasGift", gift.isPresent());
        if (gift.isPresent()) {
            Coupon coupon = coupons.issue(new CouponBook.Issue(occasion.greetingKey(due.year()), occasion.kind(),
                    occasion.customerId(), gift.get(), now, now.plus(policy.giftValidity())));
            data.put("gift", coupon.messageData(zone));
            counts.withGift++;
        } else {
            data.put("gift", Coupon.noMessageData());
        }
        boolean birthday = occasion.kind().equals(Occasion.BIRTHDAY);
        String template = birthday ? "birthday-greeting" : occasion.kind() + "-anniversary";
        MessageRequest greeting = MessageRequest.marketing(occasion.greetingKey(due.year()),
                birthday ? "birthday" : "anniversary", occasion.customerId(), template, data, now).notAfter(endOfDay);
        outbox.enqueue(heldOut ? greeting.heldOutOf() : greeting);
        LOG.info(heldOut ? "greeting held out" : "greeting requested", entry("customerId", occasion.customerId()),
                entry("kind", occasion.kind()), entry("year", due.year()), entry("gift", gift.isPresent()));
        if (heldOut) {
            counts.heldOut++;
        } else {
            counts.greeted++;
        }
    }

    private static final class Counts {
        int greeted;
        int withGift;
        int skipped;
        int refiled;
        int heldOut;
    }
}
