package dev.storecrm.domain.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.event.Stamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageRequestJsonTest {

    @Test
    void aRequestSurvivesTheOutbox() {
        MessageRequest request = MessageRequest.marketing("WINBACK#c-1#2026-11-23#60", "win-back", "c-1", "store-news",
                        Map.of("headline", "We miss you", "items", List.of(Map.of("sku", "T-1", "qty", 2))),
                        Instant.parse("2026-11-23T04:00:00Z"))
                .notBefore(Instant.parse("2026-11-23T05:00:00Z"))
                .notAfter(Instant.parse("2026-11-24T05:00:00Z"))
                .exitWhen(new ExitCondition.NoOrderSince(Instant.parse("2026-09-24T00:00:00Z")))
                .deferredTo(Instant.parse("2026-11-23T06:00:00Z"));
        assertEquals(request, MessageRequestJson.read(MessageRequestJson.write(request)));

        MessageRequest toAgent = MessageRequest.transactional("DISPUTE#d-1#due#72h", "disputes",
                new Recipient.Address("care@example.com", Optional.of("Care team"), Optional.of("zh-CN"),
                        Optional.of(ZoneId.of("Asia/Shanghai"))), "order-follow-up", Map.of("orderId", "o-1"),
                Instant.parse("2026-11-23T04:00:00Z"));
        assertEquals(toAgent, MessageRequestJson.read(MessageRequestJson.write(toAgent)));
    }

    @Test
    void aHeldOutRequestStaysHeldOutOnTheOutboxAndTransactionalMailIsNeverHeldOut() {
        MessageRequest request = MessageRequest.marketing("BIRTHDAY#c-1#2027", "birthday", "c-1", "birthday-greeting",
                Map.of("hasGift", false), Instant.parse("2027-03-15T01:00:00Z")).heldOutOf();
        String json = MessageRequestJson.write(request);
        assertTrue(json.contains("\"heldOut\":true"), json);
        assertEquals(request, MessageRequestJson.read(json));
        MessageRequest sent = MessageRequest.marketing("BIRTHDAY#c-2#2027", "birthday", "c-2", "birthday-greeting",
                Map.of(), Instant.parse("2027-03-15T01:00:00Z"));
        assertFalse(MessageRequestJson.write(sent).contains("heldOut"), "written only when held out");
        assertFalse(MessageRequestJson.read(MessageRequestJson.write(sent)).heldOut());
        MessageRequest receipt = MessageRequest.transactional("DISPUTE#d-1#opened", "dispute",
                new Recipient.Member("c-1"), "dispute-opened", Map.of(), Instant.parse("2027-03-15T01:00:00Z"));
        assertThrows(IllegalStateException.class, receipt::heldOutOf);
    }

    @Test
    void aCapPriorityOfItsOwnSurvivesTheOutboxAndAnUnknownOneIsRefused() {
        MessageRequest request = MessageRequest.marketing("BROADCAST#cny-2027#c-1", "broadcast", "c-1", "broadcast",
                Map.of("headline", "新春快乐"), Instant.parse("2027-02-06T02:00:00Z"))
                .withCapPriority(MarketingKind.GREETING).deferredTo(Instant.parse("2027-02-06T03:00:00Z"));
        String json = MessageRequestJson.write(request);
        assertTrue(json.contains("\"capPriority\":\"greeting\""), json);
        assertEquals(request, MessageRequestJson.read(json), "kept when put off, too");
        assertFalse(MessageRequestJson.write(request.heldOutOf()).isEmpty());
        assertEquals(MarketingKind.GREETING, MarketingKind.of(MessageRequestJson.read(json)));
        MessageRequest plain = MessageRequest.marketing("BROADCAST#x#c-1", "broadcast", "c-1", "broadcast", Map.of(),
                Instant.parse("2027-02-06T02:00:00Z"));
        assertFalse(MessageRequestJson.write(plain).contains("capPriority"), "written only when named");
        InvalidInputException unknown = assertThrows(InvalidInputException.class, () -> MessageRequestJson.read(
                json.replace("\"greeting\"", "\"urgent\"")));
        assertEquals("capPriority must be one of greeting, cart-coupon, cart-reminder, win-back, order-feedback, "
                + "broadcast (as MarketingPriorities spells them)", unknown.detail());
    }

    @Test
    void aCartMessageKeepsItsExitConditionsOnTheOutbox() {
        Stamp armedFor = new Stamp(Instant.parse("2026-11-20T14:15:00Z"), "evt-20261120-0101");
        MessageRequest request = MessageRequest.marketing("CART#cart-3001#reminder", "cart", "c-1001", "cart-reminder",
                        Map.of("recoveryUrl", "https://shop.example.com/cart/recover/cart-3001"),
                        Instant.parse("2026-11-20T15:15:00Z"))
                .exitWhen(new ExitCondition.AnyOf(List.of(new ExitCondition.NoOrderSince(armedFor.at()),
                        new ExitCondition.CartClosedOrChanged("cart-3001", armedFor))));
        String json = MessageRequestJson.write(request);
        assertEquals(request, MessageRequestJson.read(json));
        assertTrue(json.contains("\"exit\":{\"anyOf\":[{\"noOrderSince\":\"2026-11-20T14:15:00Z\"},"
                + "{\"cartClosedOrChanged\":{\"cartId\":\"cart-3001\",\"armedFor\":\"2026-11-20T14:15:00.000000000Z "
                + "evt-20261120-0101\"}}]}"), json);
    }

    @Test
    void anExitConditionNamesExactlyOneKindAndAValidStamp() {
        String base = """
                {"v":1,"businessKey":"K","journey":"cart","category":"marketing","priority":"normal",
                 "recipient":{"customerId":"c"},"template":"cart-reminder","requestedAt":"2026-11-23T04:00:00Z",
                 "deferrals":0,"exit":%s}""";
        assertEquals("exit must name exactly one exit condition", assertThrows(InvalidInputException.class,
                () -> MessageRequestJson.read(base.formatted("{}"))).detail());
        assertEquals("exit.anyOf[1] must name exactly one exit condition", assertThrows(InvalidInputException.class,
                () -> MessageRequestJson.read(base.formatted(
                        "{\"anyOf\":[{\"noOrderSince\":\"2026-11-01T00:00:00Z\"},{}]}"))).detail());
        assertEquals("exit.cartClosedOrChanged.armedFor is not a stamp", assertThrows(InvalidInputException.class,
                () -> MessageRequestJson.read(base.formatted(
                        "{\"cartClosedOrChanged\":{\"cartId\":\"cart-1\",\"armedFor\":\"last tuesday\"}}"))).detail());
    }

    @Test
    void aMalformedRequestIsRefusedWithTheField() {
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> MessageRequestJson.read("""
                {"v":1,"businessKey":"K","journey":"news","category":"bulk","priority":"normal",
                 "recipient":{"customerId":"c"},
                 "template":"store-news","requestedAt":"2026-11-23T04:00:00Z","deferrals":0}"""));
        assertEquals(RejectReason.SCHEMA_VIOLATION, error.reason());
        assertEquals("category must be one of [transactional, marketing]", error.detail());
        assertEquals(RejectReason.MALFORMED_JSON,
                assertThrows(InvalidInputException.class, () -> MessageRequestJson.read("{")).reason());
    }

    @Test
    void aGuestAndACustomerWithAContactSurviveTheOutbox() {
        Recipient guest = new Recipient.Guest("visitor.3004@example.com", "cart-3004",
                Instant.parse("2026-11-22T11:44:30Z"), Optional.of("en"),
                Optional.of(ZoneId.of("Europe/Paris")));
        Recipient customer = new Recipient.Customer("aliexpress:buyer:1", new Recipient.Address("buyer@example.com",
                Optional.of("Sample Buyer"), Optional.of("pt-BR"), Optional.empty()));
        for (Recipient recipient : List.of(guest, customer)) {
            MessageRequest request = MessageRequest.transactional("K#1", "cart", recipient, "cart-reminder", Map.of(),
                    Instant.parse("2026-11-22T12:45:00Z"));
            assertEquals(request, MessageRequestJson.read(MessageRequestJson.write(request)));
        }
        InvalidInputException mixed = assertThrows(InvalidInputException.class, () -> MessageRequestJson.read("""
                {"v":1,"businessKey":"K","journey":"cart","category":"marketing","priority":"normal",
                 "recipient":{"customerId":"c-1","guestCart":"cart-1","consentAt":"2026-11-22T11:44:30Z"},
                 "template":"cart-reminder","requestedAt":"2026-11-22T12:45:00Z","deferrals":0}"""));
        assertTrue(mixed.getMessage().contains("recipient"), mixed.getMessage());
    }
}
