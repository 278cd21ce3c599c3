package dev.storecrm.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.campaign.LiftAttribution;
import dev.storecrm.domain.campaign.LiftCell;
import dev.storecrm.domain.campaign.LiftRecorder;
import dev.storecrm.domain.campaign.LiftTally;
import dev.storecrm.domain.campaign.Settled;
import dev.storecrm.domain.messaging.AddressHash;
import dev.storecrm.domain.messaging.CartCheck;
import dev.storecrm.domain.broadcast.BroadcastDelivery;
import dev.storecrm.domain.messaging.MailOutcomes;
import dev.storecrm.domain.messaging.MailSender;
import dev.storecrm.domain.messaging.MessageRenderer;
import dev.storecrm.domain.messaging.MessageRequest;
import dev.storecrm.domain.messaging.MessageRequestJson;
import dev.storecrm.domain.messaging.Recipient;
import dev.storecrm.domain.messaging.SendLedger;
import dev.storecrm.domain.messaging.SuppressionList;
import dev.storecrm.domain.messaging.Timers;
import dev.storecrm.domain.messaging.LinkTokens;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.StorePolicies;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.fixtures.memory.InMemoryFrequencyCap;
import dev.storecrm.fixtures.memory.InMemoryLiftBook;
import dev.storecrm.fixtures.memory.InMemoryBroadcastDelivery;
import dev.storecrm.fixtures.memory.InMemoryMailOutcomes;
import dev.storecrm.fixtures.memory.InMemoryMembers;
import dev.storecrm.fixtures.memory.InMemorySendLedger;
import dev.storecrm.fixtures.memory.InMemorySendingReputation;
import dev.storecrm.fixtures.memory.InMemorySuppressions;
import dev.storecrm.fixtures.memory.InMemoryTimers;
import dev.storecrm.fixtures.memory.RecordingMailSender;
import dev.storecrm.platform.messaging.ClasspathTemplates;
import dev.storecrm.platform.messaging.Pacer;
import dev.storecrm.sender.SenderService.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * SenderService with in-memory ports and the store's default policies (a 16-hour marketing cap, quiet
 * hours 21:00-09:00 in the member's zone, Asia/Shanghai here): what a member would notice of one
 * request, in mail received or not, and what the send ledger and the timers keep of it. The same
 * behaviour through the real handler and the local cloud is {@code SenderIT}'s.
 */
class SenderServiceTest {

    /** Noon in Shanghai: outside the quiet hours. */
    private static final Instant NOON = Instant.parse("2026-11-23T04:00:00Z");
    private static final String ADDRESS = "c-1@example.com";

    private final SimulatedClock clock = new SimulatedClock(NOON);
    private final StorePolicies policies = StorePolicies.defaults();
    private final InMemoryMembers members = new InMemoryMembers(policies.members(), clock);
    private final InMemorySuppressions suppressions = new InMemorySuppressions();
    private final InMemorySendLedger ledger = new InMemorySendLedger();
    private final InMemoryFrequencyCap cap = new InMemoryFrequencyCap();
    private final InMemoryTimers timers = new InMemoryTimers();
    private final RecordingMailSender mail = new RecordingMailSender();
    private final InMemoryMailOutcomes outcomes = new InMemoryMailOutcomes();
    private final InMemoryBroadcastDelivery broadcasts = new InMemoryBroadcastDelivery();
    private final InMemoryLiftBook lift = new InMemoryLiftBook();
    private final SenderService service = service();

    @Test
    void aRequestSendsOneMailAndARedeliveredCopySendsNothingMore() {
        member(true);
        assertEquals(Outcome.SENT, service.handle(news("NEWS#1")));
        assertEquals(Outcome.DUPLICATE, service.handle(news("NEWS#1")), "the queue delivered it again");
        assertEquals(1, mail.to(ADDRESS).size());
        assertEquals(SendLedger.Status.SENT, entry("NEWS#1").status());
        assertEquals("ses-1", entry("NEWS#1").messageId());
    }

    @Test
    void marketingWithoutConsentIsNotSentAndTheReasonIsKept() {
        member(false);
        assertEquals(Outcome.SKIPPED, service.handle(news("NEWS#1")));
        assertEquals(List.of(), mail.sent());
        assertEquals("NO_MARKETING_CONSENT", entry("NEWS#1").reason());
        assertEquals(Optional.empty(), cap.holder("c-1"), "no cap slot taken by a mail that did not go");
    }

    @Test
    void aTransactionalMailGoesWithoutMarketingConsent() {
        member(false);
        assertEquals(Outcome.SENT, service.handle(followUp("ORDER#o-1#follow-up")));
        assertEquals(1, mail.to(ADDRESS).size());
    }

    @Test
    void aSuppressedAddressGetsNoMailAndTheLedgerSaysWhy() {
        member(true);
        suppressions.suppressAddressHash(AddressHash.of(ADDRESS), SuppressionList.Reason.HARD_BOUNCE,
                SuppressionList.Scope.ALL, NOON.minus(Duration.ofDays(1)));
        assertEquals(Outcome.SKIPPED, service.handle(followUp("ORDER#o-1#follow-up")));
        assertEquals(Outcome.SKIPPED, service.handle(news("NEWS#1")));
        assertEquals(List.of(), mail.sent());
        assertEquals("SUPPRESSED", entry("ORDER#o-1#follow-up").reason());
        assertEquals("SUPPRESSED", entry("NEWS#1").reason());
    }

    @Test
    void aHeldOutRequestIsSettledHeldOutWithoutASendAndTakesNoCapSlot() {
        member(true);
        assertEquals(Outcome.SKIPPED, service.handle(news("NEWS#1").heldOutOf()));
        assertEquals(List.of(), mail.sent());
        assertEquals(SendLedger.Status.SKIPPED, entry("NEWS#1").status());
        assertEquals("HELD_OUT", entry("NEWS#1").reason());
        assertEquals(Optional.empty(), cap.holder("c-1"));
        assertEquals(Outcome.SENT, service.handle(news("NEWS#2")), "the member's slot is still free");
    }

    @Test
    void eachSettledMessageIsCountedOnceUnderItsStoreDayJourneyAndOutcome() {
        member(false);
        service.handle(news("NEWS#1"));
        service.handle(news("NEWS#1"));
        service.handle(followUp("ORDER#o-1#follow-up"));
        service.handle(news("NEWS#2").heldOutOf());
        assertEquals(Outcome.DEFERRED, service.handle(followUp("ORDER#o-3#follow-up")
                .deferredTo(NOON.plus(Duration.ofHours(1)))));
        clock.set(Instant.parse("2026-11-23T16:30:00Z"));
        service.handle(followUp("ORDER#o-2#follow-up"));
        LocalDate monday = LocalDate.parse("2026-11-23");
        LocalDate tuesday = LocalDate.parse("2026-11-24");
        assertEquals(List.of(new MailOutcomes.Count(monday, "news", "HELD_OUT", 1),
                new MailOutcomes.Count(monday, "news", "NO_MARKETING_CONSENT", 1),
                new MailOutcomes.Count(monday, "order", "SENT", 1),
                new MailOutcomes.Count(tuesday, "order", "SENT", 1)), outcomes.between(monday, tuesday),
                "a duplicate and a deferral count nothing; 00:30 in Shanghai is the next day in the store");
    }

    @Test
    void eachSettledMarketingMessageIsOneLiftAssignmentOfItsJourneyStepAndVariantAndTransactionalMailNone() {
        member(true);
        service.handle(news("NEWS#1"));
        service.handle(news("NEWS#1"));
        service.handle(news("NEWS#2").heldOutOf());
        service.handle(followUp("ORDER#o-1#follow-up"));
        service.handle(MessageRequest.marketing("BROADCAST#spring#c-1", "broadcast", "c-1", "store-news",
                Map.of("headline", "Spring", "message", "New teas", "link", "https://shop.example.com/new",
                        "variant", "B"), NOON).notAfter(NOON.plus(Duration.ofHours(1))));
        service.handle(news("NEWS#3").notAfter(NOON.plus(Duration.ofHours(1))));
        Map<LiftCell, LiftTally> week = lift.period("2026-W48");
        assertEquals(Map.of(new LiftCell("news", "-", "-", "2026-W48"), LiftTally.assigned(Settled.SENT, 0)
                        .plus(LiftTally.assigned(Settled.HELD_OUT, 0)).plus(LiftTally.assigned(Settled.SKIPPED, 0)),
                new LiftCell("broadcast", "spring", "B", "2026-W48"), LiftTally.assigned(Settled.SKIPPED, 0)),
                week, "news: one sent (the copy counts nothing), one held out, one expired under the cap (skipped, "
                        + "still treated); the broadcast's variant B expired under the cap too; no follow-up");
        assertTrue(lift.assignment("c-1", "ORDER#o-1#follow-up").isEmpty());
    }

    @Test
    void eachSettledBroadcastMessageIsCountedOnceOnItsCampaignByVariantAndReason() {
        member(true);
        assertEquals(Outcome.SENT, service.handle(spring("c-1", "A")));
        assertEquals(Outcome.DUPLICATE, service.handle(spring("c-1", "A")), "a re-delivered message");
        service.handle(spring("c-2", "B").heldOutOf());
        service.handle(spring("c-3", "B").notAfter(NOON.plus(Duration.ofHours(1))));
        members.apply(Events.memberRegistered("c-4").at("2026-10-23T00:00:00Z").name("Li").withoutConsent());
        service.handle(spring("c-4", "A"));
        service.handle(spring("c-4", "A"));
        service.handle(news("NEWS#1"));
        BroadcastDelivery.Tally tally = broadcasts.read("spring");
        assertEquals(new BroadcastDelivery.Tally.Figures(1, Map.of("NO_MARKETING_CONSENT", 1L), 0), tally.of("A"));
        assertEquals(new BroadcastDelivery.Tally.Figures(0, Map.of("UNKNOWN_MEMBER", 1L), 1), tally.of("B"),
                "c-2 held out; c-3 is not in the archive");
        assertEquals(new BroadcastDelivery.Tally.Figures(1, Map.of("NO_MARKETING_CONSENT", 1L,
                "UNKNOWN_MEMBER", 1L), 1), tally.total());
        assertEquals(Map.of(), broadcasts.read("autumn").byVariant(), "news is no broadcast: nothing counted");
        assertEquals(Optional.empty(), ledger.facts("BROADCAST#spring#c-3").orElseThrow().customerId(),
                "a member the archive does not hold (never registered, or erased while the message waited) is not"
                        + " named in the ledger");
        assertEquals(Optional.of("c-4"), ledger.facts("BROADCAST#spring#c-4").orElseThrow().customerId());
    }

    @Test
    void aReasonCountsUnderItsCodeAndAFreeTextReasonUnderItsStatus() {
        assertEquals("REJECTED_BY_SES", MailOutcomes.outcome(SendLedger.Status.FAILED,
                "REJECTED_BY_SES: Email address is not verified"));
        assertEquals("SMS_TOO_LONG", MailOutcomes.outcome(SendLedger.Status.SKIPPED, "SMS_TOO_LONG: 5 parts"));
        assertEquals("FAILED", MailOutcomes.outcome(SendLedger.Status.FAILED, "the mail server said no"));
        assertEquals("SENT", MailOutcomes.outcome(SendLedger.Status.SENT, null));
    }

    @Test
    void theCapPutsOffNewsAfterAGreetingUntilItsWindowEndsWhileServiceMailGoesAtOnce() {
        member(true);
        assertEquals(Outcome.SENT, service.handle(greeting("BIRTHDAY#c-1#2026")));
        clock.set(NOON.plus(Duration.ofHours(1)));
        assertEquals(Outcome.DEFERRED, service.handle(news("NEWS#1")));
        assertEquals(Outcome.SENT, service.handle(followUp("ORDER#o-1#follow-up")));
        assertEquals(2, mail.to(ADDRESS).size(), "the greeting and the follow-up, not the news");
        Timers.Timer putOff = timers.find("outbox#NEWS#1").orElseThrow();
        assertEquals(NOON.plus(Duration.ofHours(16)), putOff.dueAt(), "when the greeting's 16 hours are over");
        MessageRequest later = MessageRequestJson.read(putOff.body());
        assertEquals(1, later.deferrals());
        assertTrue(ledger.find("NEWS#1", true).isEmpty(), "nothing settled: the news still goes later");
    }

    @Test
    void marketingInTheMembersNightWaitsForTheMorningAndGoesThen() {
        member(true);
        Instant night = Instant.parse("2026-11-23T14:30:00Z");
        clock.set(night);
        assertEquals(Outcome.DEFERRED, service.handle(news("NEWS#1")), "22:30 in Shanghai");
        assertEquals(List.of(), mail.sent());
        Timers.Timer morning = timers.find("outbox#NEWS#1").orElseThrow();
        assertEquals(Instant.parse("2026-11-24T01:00:00Z"), morning.dueAt(), "09:00 in Shanghai");
        clock.set(morning.dueAt());
        assertEquals(Outcome.SENT, service.handle(MessageRequestJson.read(morning.body())));
        assertEquals(1, mail.to(ADDRESS).size());
    }

    @Test
    void aMailSesThrottledIsPutOffAndGivesItsCapSlotAndItsClaimBack() {
        member(true);
        mail.failNext(new MailSender.ThrottledException("Maximum sending rate exceeded", null));
        assertEquals(Outcome.DEFERRED, service.handle(news("NEWS#1")));
        assertEquals(List.of(), mail.sent());
        assertEquals(NOON.plus(Duration.ofMinutes(1)), timers.find("outbox#NEWS#1").orElseThrow().dueAt());
        assertEquals(Optional.empty(), cap.holder("c-1"), "the slot is free for the mail when it comes back");
        assertEquals(Outcome.SENT, service.handle(news("NEWS#1")), "the claim was given back, not left to expire");
        assertEquals(1, mail.to(ADDRESS).size());
    }

    // ------------------------------------------------------------------ helpers

    private SenderService service() {
        SenderSettings settings = SenderSettings.from(policies.with("STORE_NAME", "Tea House")
                .with("STORE_URL", "https://shop.example.com").with("UNSUBSCRIBE_URL", "https://crm.example.com/u")
                .with("STORE_POSTAL_ADDRESS", "88 Example Road, Hangzhou").settings());
        SendChecks checks = new SendChecks(members, policies.members(), suppressions, customerId -> false,
                CartCheck.NONE, new InMemorySendingReputation());
        Delivery delivery = new Delivery(new MessageRenderer(new ClasspathTemplates(), settings.supportedLocales(),
                settings.defaultLocale(), settings.subjectPrefixes()), mail,
                new LinkTokens(new byte[32], settings.unsubscribeValidity(), clock), new Pacer(1_000),
                SmsChannel.from(policies.settings(), Optional.empty()));
        LiftRecorder recorder = new LiftRecorder(lift, new LiftAttribution(Duration.ofDays(7)),
                settings.storeTimeZone(), Duration.ofDays(60));
        return new SenderService(checks, new SendRecords(ledger, cap, timers,
                new Settlements(outcomes, recorder, broadcasts, settings.storeTimeZone())), delivery, settings, clock);
    }

    /** Member c-1, registered in Shanghai a month ago, with marketing consent or without a word on it. */
    private void member(boolean consent) {
        var registered = Events.memberRegistered("c-1").at("2026-10-23T00:00:00Z").name("Wang");
        members.apply(consent ? registered : registered.withoutConsent());
    }

    private SendLedger.Entry entry(String businessKey) {
        return ledger.find(businessKey, true).orElseThrow();
    }

    private MessageRequest news(String businessKey) {
        return MessageRequest.marketing(businessKey, "news", "c-1", "store-news", Map.of("headline", "New teas",
                "message", "New arrivals", "link", "https://shop.example.com/new"), clock.instant());
    }

    /** Broadcast {@code spring}'s request to a member, with its variant. */
    private MessageRequest spring(String customerId, String variant) {
        return MessageRequest.marketing("BROADCAST#spring#" + customerId, "broadcast", customerId, "store-news",
                Map.of("headline", "Spring", "message", "New teas", "link", "https://shop.example.com/new",
                        "campaign", "spring", "variant", variant), clock.instant());
    }

    private MessageRequest greeting(String businessKey) {
        return MessageRequest.marketing(businessKey, "birthday", "c-1", "store-news", Map.of("headline",
                "Happy birthday", "message", "A gift", "link", "https://shop.example.com/gift"), clock.instant());
    }

    private MessageRequest followUp(String businessKey) {
        return MessageRequest.transactional(businessKey, "order", new Recipient.Member("c-1"), "order-follow-up",
                Map.of("orderId", "o-1"), clock.instant());
    }
}
