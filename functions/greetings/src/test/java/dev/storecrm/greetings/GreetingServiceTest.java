package dev.storecrm.greetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.campaign.Holdout;
import dev.storecrm.domain.golive.GoLivePolicy;
import dev.storecrm.domain.Revisioned;
import dev.storecrm.domain.coupon.CouponValue;
import dev.storecrm.domain.member.MemberRecord;
import dev.storecrm.domain.messaging.MessageRequest;
import dev.storecrm.domain.money.Money;
import dev.storecrm.domain.occasion.GreetingCalendar;
import dev.storecrm.domain.occasion.OccasionPolicy;
import dev.storecrm.domain.occasion.Occasions;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.StorePolicies;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.fixtures.events.MemberRegisteredBuilder;
import dev.storecrm.fixtures.memory.InMemoryCoupons;
import dev.storecrm.fixtures.memory.InMemoryMembers;
import dev.storecrm.fixtures.memory.InMemoryOccasionDiary;
import dev.storecrm.fixtures.memory.RecordingOutbox;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The hourly greeting run with in-memory ports, with the template's default policy: greetings at
 * 09:00 in the member's own time zone, a 20.00 CNY gift for a date given at least 30 days before.
 */
class GreetingServiceTest {

    private static final StorePolicies STORE = StorePolicies.defaults();
    private static final OccasionPolicy OCCASIONS = STORE.occasions();
    private static final Instant REGISTERED = Instant.parse("2026-11-01T00:00:00Z");

    private final SimulatedClock clock = new SimulatedClock(REGISTERED);
    private final InMemoryMembers members = new InMemoryMembers(STORE.members(), clock);
    private final InMemoryOccasionDiary diary = new InMemoryOccasionDiary(new GreetingCalendar(OCCASIONS), 2);
    private final InMemoryCoupons coupons = new InMemoryCoupons();
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final GreetingService service = new GreetingService(diary, members, STORE.members(), OCCASIONS,
            StorePolicies.STORE_ZONE, coupons, outbox, GoLivePolicy.none(), Holdout.NONE, clock);

    @Test
    void aBirthdayIsGreetedAtNineInTheMembersOwnZoneWithAGift() {
        member(Events.memberRegistered("c-1").timeZone("Europe/Berlin").birthday("1990-03-15"));

        runAt("2027-03-15T07:00:30Z");
        assertTrue(outbox.requests().isEmpty(), "08:00 in Berlin: not yet");
        runAt("2027-03-15T08:00:30Z");

        MessageRequest greeting = outbox.only("BIRTHDAY#c-1#2027");
        assertEquals("birthday-greeting", greeting.templateId());
        assertEquals("2027-03-15", greeting.data().get("localDate"));
        assertEquals(Optional.of(Instant.parse("2027-03-15T23:00:00Z")), greeting.notAfter(),
                "never late by a day: not after midnight in Berlin");
        assertEquals(true, greeting.data().get("hasGift"));
        assertEquals(new CouponValue.Fixed(Money.of(2000, "CNY")), coupons.forKey("BIRTHDAY#c-1#2027").orElseThrow()
                .value());
        assertEquals(coupons.issued().getFirst().code(), ((Map<?, ?>) greeting.data().get("gift")).get("code"));
    }

    @Test
    void aMemberAtUtcPlusFourteenIsGreetedOnThePreviousUtcDay() {
        member(Events.memberRegistered("c-1").timeZone("Pacific/Kiritimati").birthday("--03-15"));
        runAt("2027-03-14T19:00:30Z");
        assertEquals("2027-03-15", outbox.only("BIRTHDAY#c-1#2027").data().get("localDate"));
    }

    @Test
    void aDateGivenTooShortlyBeforeIsGreetedWithoutAGift() {
        clock.set(Instant.parse("2027-03-01T00:00:00Z"));
        member(Events.memberRegistered("c-1").at(clock.instant()).birthday("1990-03-15"));
        runAt("2027-03-15T01:00:30Z");
        assertEquals(false, outbox.only("BIRTHDAY#c-1#2027").data().get("hasGift"));
        assertEquals(List.of(), coupons.issued());
    }

    @Test
    void runningAnHourTwiceGreetsOnceAndTheNextGreetingIsNextYears() {
        member(Events.memberRegistered("c-1").birthday("1990-03-15"));
        runAt("2027-03-15T01:00:30Z");
        service.run();
        clock.set(Instant.parse("2027-03-15T01:40:00Z"));
        service.run();
        runAt("2027-10-01T00:00:30Z");
        assertEquals(List.of("BIRTHDAY#c-1#2027"), outbox.keys());
        assertEquals(2028, diary.find("c-1", "birthday").orElseThrow().due().year());
    }

    @Test
    void aFrozenMemberIsNotGreetedButKeepsNextYearsGreeting() {
        member(Events.memberRegistered("c-1").birthday("1990-03-15"));
        runAt("2027-01-01T00:00:30Z");
        members.apply(Events.memberUpdated("c-1").at(clock.instant()).status("frozen"));
        GreetingService.Report report = runAt("2027-03-15T01:00:30Z");
        assertEquals(List.of(), outbox.requests());
        assertEquals(1, report.skipped());
        assertEquals(2028, diary.find("c-1", "birthday").orElseThrow().due().year());
    }

    @Test
    void aBirthdayMovedSinceItWasFiledIsNotGreetedOnTheOldDateButOnTheNewOne() {
        member(Events.memberRegistered("c-1").birthday("1990-03-15"));
        runAt("2027-01-01T00:00:30Z");
        members.apply(Events.memberUpdated("c-1").at(clock.instant()).birthday("1990-04-20"));

        GreetingService.Report onTheOldDate = runAt("2027-03-15T01:00:30Z");
        assertEquals(1, onTheOldDate.refiled());
        assertTrue(outbox.requests().isEmpty());

        runAt("2027-04-20T01:00:30Z");
        assertEquals("2027-04-20", outbox.only("BIRTHDAY#c-1#2027").data().get("localDate"));
    }

    @Test
    void aMemberWhoLeftTheArchiveIsTakenOutOfTheDiary() {
        member(Events.memberRegistered("c-1").birthday("1990-03-15"));
        InMemoryMembers emptyArchive = new InMemoryMembers(STORE.members(), clock);
        GreetingService withoutTheMember = new GreetingService(diary, emptyArchive, STORE.members(), OCCASIONS,
                StorePolicies.STORE_ZONE, coupons, outbox, GoLivePolicy.none(), Holdout.NONE, clock);
        clock.set(Instant.parse("2027-03-15T01:00:30Z"));
        diary.completedRun(Instant.parse("2027-03-15T00:00:00Z"));
        withoutTheMember.run();
        assertTrue(outbox.requests().isEmpty());
        assertFalse(diary.find("c-1", "birthday").isPresent());
    }

    @Test
    void aMemberHeldOutOfThisYearsBirthdayGetsNeitherGreetingNorGiftAndItIsRecordedAsHeldOut() {
        Holdout half = Holdout.percent("50");
        String held = firstMember(id -> half.holdsOut(id, "birthday", "2027"));
        String greeted = firstMember(id -> !half.holdsOut(id, "birthday", "2027"));
        member(Events.memberRegistered(held).birthday("1990-03-15"));
        member(Events.memberRegistered(greeted).birthday("1990-03-15"));
        GreetingService withHoldout = new GreetingService(diary, members, STORE.members(), OCCASIONS,
                StorePolicies.STORE_ZONE, coupons, outbox, GoLivePolicy.none(), half, clock);
        clock.set(Instant.parse("2027-03-15T01:00:30Z"));
        diary.completedRun(Instant.parse("2027-03-15T00:00:00Z"));

        GreetingService.Report report = withHoldout.run();

        assertEquals(1, report.heldOut());
        assertEquals(1, report.greeted());
        MessageRequest record = outbox.only("BIRTHDAY#" + held + "#2027");
        assertTrue(record.heldOut(), "the sender records it as held out and sends nothing");
        assertEquals(false, record.data().get("hasGift"));
        assertFalse(outbox.only("BIRTHDAY#" + greeted + "#2027").heldOut());
        assertEquals(List.of(greeted), coupons.issued().stream().map(c -> c.customerId()).toList(),
                "only the greeted member's gift is issued");
        assertTrue(diary.find(held, "birthday").isPresent(), "filed for next year, when the draw is made again");
    }

    private static String firstMember(java.util.function.Predicate<String> wanted) {
        return java.util.stream.IntStream.range(0, 1_000).mapToObj(i -> "c-" + i).filter(wanted).findFirst()
                .orElseThrow();
    }

    /** A member registered now, and the occasions the member archive files for them. */
    private void member(MemberRegisteredBuilder registration) {
        Revisioned<MemberRecord> saved = members.apply(registration.at(clock.instant()));
        String customerId = saved.value().customerId();
        diary.refile(customerId, List.of(), Occasions.of(saved.value(), members.summary(customerId), OCCASIONS,
                StorePolicies.STORE_ZONE), saved.revision(), clock.instant());
        diary.completedRun(clock.instant().truncatedTo(ChronoUnit.HOURS));
    }

    /** The hourly schedule, half a minute past each hour, up to {@code instant}: what its runs did together. */
    private GreetingService.Report runAt(String instant) {
        Instant until = Instant.parse(instant);
        GreetingService.Report total = new GreetingService.Report(0, 0, 0, 0, 0, 0);
        for (Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS).plusSeconds(30);
             !hour.isAfter(until); hour = hour.plus(1, ChronoUnit.HOURS)) {
            clock.set(hour);
            GreetingService.Report run = service.run();
            total = new GreetingService.Report(total.hours() + run.hours(), total.greeted() + run.greeted(),
                    total.withGift() + run.withGift(), total.skipped() + run.skipped(),
                    total.refiled() + run.refiled(), total.heldOut() + run.heldOut());
        }
        return total;
    }
}
