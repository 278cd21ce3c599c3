package dev.storecrm.caremail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.caremail.CareCustomers;
import dev.storecrm.domain.caremail.CareChase;
import dev.storecrm.domain.caremail.CareIntake;
import dev.storecrm.domain.caremail.CareMessages;
import dev.storecrm.domain.caremail.CareRules;
import dev.storecrm.domain.caremail.Conversation;
import dev.storecrm.domain.caremail.InboundMail;
import dev.storecrm.domain.caremail.WorkingHours;
import dev.storecrm.domain.messaging.Recipient;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.memory.InMemoryTimers;
import dev.storecrm.fixtures.memory.RecordingOutbox;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The intake with in-memory ports and a fixed clock: who, what, how urgent, by when, once. */
class CareIntakeTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2027-01-04T02:00:00Z"));
    private final InMemoryConversations store = new InMemoryConversations();
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final InMemoryTimers timers = new InMemoryTimers();
    private final Set<String> disputing = new java.util.HashSet<>();
    private final CareCustomers customers = new CareCustomers() {
        @Override
        public Optional<String> memberByEmail(String emailKey) {
            return emailKey.equals("ann@example.com") ? Optional.of("c-1") : Optional.empty();
        }

        @Override
        public Optional<String> ownerOf(String orderId, Optional<String> member) {
            Map<String, String> owners = Map.of("o-1", "c-1", "shopify:4507", "c-2");
            return Optional.ofNullable(owners.get(orderId)).filter(o -> member.isEmpty() || member.get().equals(o));
        }

        @Override
        public boolean hasOpenDispute(String customerId) {
            return disputing.contains(customerId);
        }
    };
    private final CareRules rules = CareRules.load("");
    private final CareIntake intake = new CareIntake(store, customers, new CareIntake.Policy(rules,
            WorkingHours.parse("Mon-Fri 09:00-18:00", "", SHANGHAI), new CareChase(List.of(Duration.ofHours(4)))),
            new CareMessages(rules, address("care@store.example"), address("lead@store.example"), SHANGHAI,
                    "service@store.example"),
            outbox, timers, clock);

    private static Recipient.Address address(String email) {
        return new Recipient.Address(email, Optional.empty(), Optional.of("en"), Optional.of(SHANGHAI));
    }

    private InboundMail mail(String id, String from, String subject, String text, List<String> thread) {
        return new InboundMail(id, from, Optional.empty(), List.of("service@store.example"), subject, text, false,
                List.of(), thread, Map.of(), clock.instant(), "inbound/" + id);
    }

    @Test
    void aMemberWithAnOpenDisputeIsAnsweredAsUrgentWhateverTheQuestion() {
        disputing.add("c-1");
        assertEquals(CareIntake.Outcome.OPENED, intake.take(mail("m1@x", "ann@example.com", "Size?",
                "Which size fits me?", List.of())));
        Conversation conversation = store.get(CareIntake.conversationId("m1@x")).orElseThrow();
        assertEquals("product", conversation.category());
        assertTrue(conversation.urgent());
        assertEquals(Instant.parse("2027-01-04T06:00:00Z"), conversation.answerBy(), "Mon 10:00 + 4 working hours");
    }

    @Test
    void aGuestIsLinkedToTheMemberWhoseOrderTheMailNames() {
        intake.take(mail("m2@x", "someone@else.example", "Order shopify:4507", "Where is order shopify:4507?",
                List.of()));
        Conversation conversation = store.get(CareIntake.conversationId("m2@x")).orElseThrow();
        assertEquals(Optional.of("c-2"), conversation.customerId());
        assertEquals(Optional.of("shopify:4507"), conversation.orderId());
        assertEquals(new Recipient.Customer("c-2", new Recipient.Address("someone@else.example", Optional.empty(),
                Optional.of("en"), Optional.of(SHANGHAI))),
                outbox.only(CareMessages.ackKey(conversation.conversationId())).recipient());
    }

    @Test
    void aMemberIsNotLinkedToAnotherMembersOrder() {
        intake.take(mail("m3@x", "ann@example.com", "order shopify:4507", "my order shopify:4507", List.of()));
        Conversation conversation = store.get(CareIntake.conversationId("m3@x")).orElseThrow();
        assertEquals(Optional.of("c-1"), conversation.customerId());
        assertEquals(Optional.of("shopify:4507"), conversation.orderId(), "kept as written, not linked to c-2");
    }

    @Test
    void theSameMailTwiceIsTakenOnceAndAcknowledgedOnceAReplyThreadsWithoutASecondAcknowledgement() {
        InboundMail first = mail("m4@x", "ann@example.com", "退货", "我想退货", List.of());
        intake.take(first);
        assertEquals(CareIntake.Outcome.DUPLICATE, intake.take(first));
        assertEquals(CareIntake.Outcome.THREADED, intake.take(mail("m5@x", "ann@example.com", "Re: 退货", "还有",
                List.of("m4@x"))));
        Conversation conversation = store.get(CareIntake.conversationId("m4@x")).orElseThrow();
        assertEquals(2, conversation.messages());
        assertEquals("zh-CN", conversation.locale());
        assertEquals(List.of(CareMessages.ackKey(conversation.conversationId())),
                outbox.keys().stream().distinct().toList(),
                "only the acknowledgement, under one key (a repeat is the ledger's to drop)");
    }

    @Test
    void automaticMailIsRefusedBeforeAnythingIsRecorded() {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> intake.take(
                mail("m6@x", "ann@example.com", "Automatic reply: away", "back Monday", List.of())));
        assertEquals(RejectReason.REFUSED_MAIL, refused.reason());
        assertTrue(store.get(CareIntake.conversationId("m6@x")).isEmpty());
        assertTrue(outbox.keys().isEmpty());
    }

    @Test
    void aDeadlineMovesOnlyLaterAndAStaleFiringDoesNothing() {
        intake.take(mail("m7@x", "ann@example.com", "Hello", "a question", List.of()));
        String id = CareIntake.conversationId("m7@x");
        Conversation before = store.get(id).orElseThrow();
        assertThrows(InvalidInputException.class, () -> intake.delay(id, before.answerBy().minusSeconds(60), "a"));
        Conversation moved = intake.delay(id, before.answerBy().plus(Duration.ofDays(1)), "console:agent");
        assertEquals(before.answerBy().plus(Duration.ofDays(1)), moved.answerBy());
        assertEquals(CareIntake.Outcome.STALE_FIRING, intake.fire(new dev.storecrm.domain.caremail.CareFiring(id,
                before.answerBy(), "breach", before.answerBy())));
        assertFalse(outbox.keys().stream().anyMatch(k -> k.endsWith("#breach")));
        assertTrue(outbox.keys().contains("CARE#" + id + "#delay#" + moved.answerBy().getEpochSecond()));
    }
}
