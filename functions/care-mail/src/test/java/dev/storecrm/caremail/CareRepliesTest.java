package dev.storecrm.caremail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.caremail.CareMessages;
import dev.storecrm.domain.caremail.CareReplies;
import dev.storecrm.domain.caremail.CareRules;
import dev.storecrm.domain.caremail.Conversation;
import dev.storecrm.domain.caremail.SavedReplies;
import dev.storecrm.domain.messaging.MailThreading;
import dev.storecrm.domain.messaging.MessageRequest;
import dev.storecrm.domain.messaging.Recipient;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.memory.RecordingOutbox;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An agent's reply with in-memory ports: the message it makes, once per request key, and what it refuses. */
class CareRepliesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2027-01-04T02:00:00Z"));
    private final InMemoryConversations store = new InMemoryConversations();
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final CareRules rules = CareRules.load("");
    private final CareReplies replies = new CareReplies(store, new CareMessages(rules, address("care@store.example"),
            address("lead@store.example"), SHANGHAI, "service@store.example"), outbox, clock);

    private static Recipient.Address address(String email) {
        return new Recipient.Address(email, Optional.empty(), Optional.of("en"), Optional.of(SHANGHAI));
    }

    private Conversation open(String subject) {
        Conversation conversation = new Conversation("c-00000000000000a1", Conversation.Status.open, "delivery",
                false, Optional.empty(), "ann@example.com", Optional.empty(), "en", Optional.empty(), subject,
                clock.instant(), clock.instant(), 1, clock.instant().plusSeconds(86_400), "m1@mail.example");
        store.record(Optional.empty(), conversation, new dev.storecrm.domain.caremail.InboundMail("m1@mail.example",
                "ann@example.com", Optional.empty(), List.of(), subject, "?", false, List.of(), List.of(), Map.of(),
                clock.instant(), "inbound/m1"), "opened");
        return conversation;
    }

    @Test
    void aReplyIsThreadedOntoTheCustomersMailWithItsParagraphsAndGoesOncePerRequestKey() {
        Conversation conversation = open("Where is my parcel?");
        CareReplies.Replied replied = replies.reply(conversation, "r-1", "Hello,\nit left today.\n\n\nSorry!",
                false, "console:agent");
        assertEquals(Conversation.Status.waiting, replied.conversation().status());
        MessageRequest request = outbox.requests().getFirst();
        assertEquals("CARE#c-00000000000000a1#reply#r-1", request.businessKey());
        assertEquals("Re: Where is my parcel?", request.data().get("replySubject"));
        assertEquals(List.of(Map.of("lines", List.of("Hello,", "it left today.")), Map.of("lines", List.of("Sorry!"))),
                request.data().get("paragraphs"));
        assertEquals(Map.of("In-Reply-To", "<m1@mail.example>", "References", "<m1@mail.example>",
                "Reply-To", "service+c-00000000000000a1@store.example"),
                MailThreading.in(request.data()).orElseThrow().headers());

        CareReplies.Replied again = replies.reply(store.get(conversation.conversationId()).orElseThrow(), "r-1",
                "Hello again", true, "console:agent");
        assertTrue(again.repeated());
        assertEquals(Conversation.Status.waiting, again.conversation().status(), "the first request's effect only");
        assertEquals(List.of(request.businessKey(), request.businessKey()),
                outbox.requests().stream().map(MessageRequest::businessKey).toList(), "the same key: one mail");
        assertEquals("Hello,\nit left today.\n\n\nSorry!", outbox.requests().getLast().data().get("text"));
    }

    @Test
    void aSubjectThatIsAlreadyAReplyIsNotRepliedTwice() {
        replies.reply(open("回复: 包裹"), "r-1", "好的", true, "console:agent");
        assertEquals("回复: 包裹", outbox.requests().getFirst().data().get("replySubject"));
    }

    @Test
    void anEmptyOrOverLongTextOrABadKeyIsMalformedAndAClosedConversationRefuses() {
        Conversation conversation = open("Invoice");
        for (String[] bad : List.of(new String[] {"r-1", " \n "}, new String[] {"r-1", "x".repeat(10_001)},
                new String[] {"", "Hello"}, new String[] {"r 1\r\nBcc: x@y", "Hello"})) {
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> replies.reply(conversation, bad[0], bad[1], true, "console:agent"));
            assertEquals(RejectReason.SCHEMA_VIOLATION, refused.reason());
        }
        Conversation closed = replies.close(conversation, "console:agent");
        assertEquals(RejectReason.INVALID_TRANSITION, assertThrows(InvalidInputException.class,
                () -> replies.reply(closed, "r-2", "Hello", true, "console:agent")).reason());
        assertEquals(RejectReason.INVALID_TRANSITION, assertThrows(InvalidInputException.class,
                () -> replies.close(closed, "console:agent")).reason());
        assertTrue(outbox.requests().isEmpty());
    }

    @Test
    void threadingRefusesAnythingThatCouldInjectAHeader() {
        assertThrows(InvalidInputException.class, () -> new MailThreading(Optional.of("a@b>\r\nBcc: x@y"),
                "care@store.example"));
        assertThrows(InvalidInputException.class, () -> new MailThreading(Optional.empty(),
                "care@store.example\r\nBcc: x@y"));
        assertThrows(InvalidInputException.class, () -> MailThreading.in(Map.of(MailThreading.DATA_KEY, "care")));
        assertFalse(new MailThreading(Optional.of(""), "care@store.example").headers().containsKey("In-Reply-To"),
                "a conversation recorded before Message-IDs were kept is replied to without In-Reply-To");
    }

    @Test
    void everyCategoryHasSavedRepliesInBothLanguages() {
        SavedReplies saved = SavedReplies.load(rules, "");
        for (CareRules.Category category : rules.categories()) {
            assertFalse(saved.of(category.name()).isEmpty(), category.name());
        }
        saved.all().forEach(r -> assertEquals(SavedReplies.LOCALES.stream().sorted().toList(),
                r.text().keySet().stream().sorted().toList()));
    }
}
