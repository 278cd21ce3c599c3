package dev.storecrm.caremail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.caremail.CareMessages;
import dev.storecrm.domain.caremail.CareReplies;
import dev.storecrm.domain.caremail.CareRules;
import dev.storecrm.domain.caremail.Conversation;
import dev.storecrm.domain.caremail.SavedReplies;
import dev.storecrm.domain.messaging.Recipient;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.memory.RecordingOutbox;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The store's saved replies (CARE_SAVED_REPLIES) over the bundled ones, and their placeholders. */
class SavedRepliesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String CUSTOMS = """
            {"replies": [
              {"id": "delivery-tracking", "category": "delivery",
               "title": {"en": "Tracking", "zh-CN": "运单"},
               "text": {"en": "Dear {{customerName}}, order {{orderNumber}} ships today; we answer by {{ deadline }}.",
                        "zh-CN": "{{customerName}}您好，订单 {{orderNumber}} 今天发货。"}},
              {"id": "delivery-customs", "category": "delivery",
               "title": {"en": "Customs", "zh-CN": "清关"},
               "text": {"en": "Your parcel about \\"{{subject}}\\" is at customs.", "zh-CN": "您的包裹正在清关。"}}
            ]}""";

    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2027-01-04T02:00:00Z"));
    private final CareRules rules = CareRules.load("");
    private final CareReplies replies = new CareReplies(new InMemoryConversations(), new CareMessages(rules,
            address("care@store.example"), address("lead@store.example"), SHANGHAI, "service@store.example"),
            new RecordingOutbox(), clock);

    private static Recipient.Address address(String email) {
        return new Recipient.Address(email, Optional.empty(), Optional.of("en"), Optional.of(SHANGHAI));
    }

    private Conversation conversation(Optional<String> name, Optional<String> orderId) {
        return new Conversation("c-00000000000000a1", Conversation.Status.open, "delivery", false, Optional.empty(),
                "ann@example.com", name, "en", orderId, "Where is <b>my</b> parcel?", clock.instant(),
                clock.instant(), 1, Instant.parse("2027-01-05T08:00:00Z"), "m1@mail.example");
    }

    @Test
    void theStoresRepliesReplaceTheBundledOneOfTheSameIdAndAddNewOnes() {
        SavedReplies bundled = SavedReplies.load(rules, "");
        SavedReplies store = SavedReplies.load(rules, CUSTOMS);
        assertEquals(bundled.all().size() + 1, store.all().size(), "one replaced, one added");
        SavedReplies.Reply tracking = store.of("delivery").stream().filter(r -> r.id().equals("delivery-tracking"))
                .findFirst().orElseThrow();
        assertEquals("Tracking", tracking.title().get("en"));
        assertTrue(store.of("delivery").stream().anyMatch(r -> r.id().equals("delivery-customs")));
    }

    @Test
    void placeholdersAreFilledFromTheConversationOnceAsOneLineOfText() {
        SavedReplies.Reply tracking = SavedReplies.load(rules, CUSTOMS).of("delivery").getFirst();
        SavedReplies.Reply filled = replies.filled(tracking,
                conversation(Optional.of("Ann\r\nBcc: x@y {{orderNumber}}"), Optional.of("o-7001")));
        assertEquals("Dear Ann Bcc: x@y {{orderNumber}}, order o-7001 ships today; we answer by 2027-01-05 16:00"
                + " Asia/Shanghai.", filled.text().get("en"), "one pass: a value that reads like one stays text");
        assertEquals("Ann Bcc: x@y {{orderNumber}}您好，订单 o-7001 今天发货。", filled.text().get("zh-CN"));
        SavedReplies.Reply customs = SavedReplies.load(rules, CUSTOMS).of("delivery").getLast();
        assertEquals("Your parcel about \"Where is <b>my</b> parcel?\" is at customs.",
                replies.filled(customs, conversation(Optional.empty(), Optional.empty())).text().get("en"),
                "markup stays text here; the reply mail escapes it like any reply");
    }

    @Test
    void aMissingValueLeavesAVisibleBlankThatCannotBeSent() {
        SavedReplies.Reply tracking = SavedReplies.load(rules, CUSTOMS).of("delivery").getFirst();
        String text = replies.filled(tracking, conversation(Optional.empty(), Optional.empty())).text().get("en");
        assertTrue(text.startsWith("Dear [___customerName___], order [___orderNumber___] ships today"), text);
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> replies.reply(conversation(Optional.empty(), Optional.empty()), "r-1", text, true, "agent"));
        assertEquals(RejectReason.SCHEMA_VIOLATION, refused.reason());
        assertTrue(refused.detail().contains("[___customerName___]"), refused.detail());
    }

    @Test
    void repliesThatDoNotReadStopTheStartWithTheReplyNamed() {
        Map<String, String> bad = Map.of(
                "not json", "CARE_SAVED_REPLIES is not valid JSON",
                "{\"reply\": []}", "CARE_SAVED_REPLIES must have a \"replies\" array",
                reply("x-1", "gossip", "Hi", "你好"), "CARE_SAVED_REPLIES: reply x-1: category gossip",
                reply("x-2", "delivery", "Hi {{coupon}}", "你好"),
                "CARE_SAVED_REPLIES: reply x-2 text in en: unknown placeholder {{coupon}}",
                reply("x-3", "delivery", "Hi", ""), "CARE_SAVED_REPLIES: reply x-3 text in zh-CN must be 1 to",
                reply("bad id!", "delivery", "Hi", "你好"), "CARE_SAVED_REPLIES: reply bad id! needs an id of");
        bad.forEach((json, message) -> {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> SavedReplies.load(rules, json), json);
            assertTrue(refused.getMessage().startsWith(message), refused.getMessage());
        });
        String twice = "{\"replies\": [" + entry("x-4", "delivery", "Hi", "你好") + ", "
                + entry("x-4", "delivery", "Hello", "您好") + "]}";
        assertTrue(assertThrows(IllegalStateException.class, () -> SavedReplies.load(rules, twice)).getMessage()
                .startsWith("CARE_SAVED_REPLIES: reply x-4 needs an id of its own"), twice);
        assertEquals(SavedReplies.load(rules, "").all(), SavedReplies.load(rules, "{\"replies\": []}").all());
    }

    private static String reply(String id, String category, String en, String zh) {
        return "{\"replies\": [" + entry(id, category, en, zh) + "]}";
    }

    private static String entry(String id, String category, String en, String zh) {
        return "{\"id\": \"" + id + "\", \"category\": \"" + category + "\", \"title\": {\"en\": \"T\","
                + " \"zh-CN\": \"T\"}, \"text\": {\"en\": \"" + en + "\", \"zh-CN\": \"" + zh + "\"}}";
    }
}
