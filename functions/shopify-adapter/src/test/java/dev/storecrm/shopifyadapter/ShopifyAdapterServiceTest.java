package dev.storecrm.shopifyadapter;

import static dev.storecrm.platform.adapter.AdapterFixtures.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.event.CustomerContact;
import dev.storecrm.platform.adapter.CustomerIds;
import dev.storecrm.platform.adapter.AdapterFixtures;
import dev.storecrm.platform.adapter.Amounts;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The Shopify adapter on the samples of events/shopify-adapter/, written from Shopify's webhook reference. */
class ShopifyAdapterServiceTest {

    private static final String SHOP = "sample-tea-house.myshopify.com";

    private final AdapterFixtures fx = new AdapterFixtures();
    private final ShopifyAdapterService service = service("CNY", Optional.of(SHOP));

    private ShopifyAdapterService service(String storeCurrency, Optional<String> shop) {
        return new ShopifyAdapterService(new Amounts(storeCurrency), fx.orderOwners(), fx.bus(),
                fx.rejects("shopify-adapter"), shop, false);
    }

    /** The detail of a sample's EventBridge event, as the adapter's queue delivers it (InputPath $.detail). */
    static String detail(String sample) {
        return sample("shopify-adapter/" + sample).get("detail").toString();
    }

    static String detail(String sample, Consumer<ObjectNode> edit) {
        ObjectNode detail = (ObjectNode) sample("shopify-adapter/" + sample).get("detail");
        edit.accept(detail);
        return detail.toString();
    }

    private InvalidInputException refused(String detail) {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> service.handle(detail));
        assertFalse(refused.detail().contains("@"), "a reason never repeats an address: " + refused.detail());
        return refused;
    }

    @Test
    void anOrderIsPlacedInShopMoneyWithItsLinesCouponAndCheckout() {
        assertEquals("PUBLISHED", service.handle(detail("orders-create.json")));

        JsonNode placed = fx.only("OrderPlaced");
        assertEquals("shopify:7d5f0a3c-2b1e-4f6a-9c8d-1e2f3a4b5c6d:OrderPlaced", placed.get("id").asText(),
                "derived from X-Shopify-Event-Id");
        assertEquals("2026-11-23T10:05:12+08:00", placed.get("occurredAt").asText(), "the order's own time and offset");
        JsonNode body = placed.get("body");
        assertEquals("shopify:5820167143526", body.get("orderId").asText());
        assertEquals("shopify:7290122358850", body.get("customerId").asText());
        assertEquals(64820, body.at("/total/amount").asLong(),
                "CNY 648.20 of shop_money, not the USD 90.10 the buyer saw");
        assertEquals("CNY", body.at("/total/currency").asText());
        assertEquals("SKU-TEA-002", body.at("/lines/0/sku").asText());
        assertEquals(3, body.at("/lines/0/quantity").asInt());
        assertEquals(10000, body.at("/lines/0/unitPrice/amount").asLong());
        assertEquals("shopify:variant:50451770802476", body.at("/lines/1/sku").asText(),
                "a SKU with spaces is no identifier: the line is named by its variant");
        assertEquals("Celadon tea cup - Pale green", body.at("/lines/1/name").asText());
        assertEquals(List.of("WELCOME10"), List.of(body.at("/couponCodes/0").asText()));
        assertEquals("shopify:checkout:38572049105196", body.get("cartId").asText());

        JsonNode completed = fx.only("CheckoutCompleted").get("body");
        assertEquals("shopify:checkout:38572049105196", completed.get("cartId").asText());
        assertEquals("shopify:5820167143526", completed.get("orderId").asText());
        assertEquals(1, fx.publications, "one payload's events go out together");
        assertEquals("shopify:7290122358850", fx.owners.get("shopify:5820167143526"),
                "the order's customer is remembered");
        assertEquals(new CustomerContact(Optional.of("member.2001@example.com"), Optional.of("Sample Member Chen"),
                Optional.empty(), Optional.of("zh-CN"), Optional.empty()), fx.contacts.get("shopify:5820167143526"),
                "and the contact its disputes will carry: e-mail, name, language, no more");
        assertEquals(1, placed.get("version").asInt(), "nothing of contract version 2 in an order");
    }

    @Test
    void aReDeliveryPublishesTheSameEventsWithTheSameIds() {
        service.handle(detail("orders-create.json"));
        service.handle(detail("orders-create.json"));
        assertEquals(4, fx.published.size());
        assertEquals(fx.published.subList(0, 2), fx.published.subList(2, 4),
                "the same Shopify event gives the same canonical events, which consumers apply once");
    }

    @Test
    void aPaymentCarriesTheContactGivenAtCheckoutButNoConsent() {
        service.handle(detail("orders-paid.json"));
        assertEquals("2026-11-23T02:05:16.502311001Z", fx.only("OrderPaid").get("occurredAt").asText(),
                "paid when Shopify triggered orders/paid");
        JsonNode paid = fx.only("OrderPaid").get("body");
        assertEquals(64820, paid.at("/amount/amount").asLong());
        JsonNode contact = paid.get("customer");
        assertEquals("Sample Member Chen", contact.get("name").asText());
        assertEquals("member.2001@example.com", contact.get("email").asText());
        assertEquals("+8613800002001", contact.get("phone").asText());
        assertEquals("zh-CN", contact.get("locale").asText());
        assertEquals("CN", contact.get("country").asText());
        assertFalse(contact.has("marketingConsent"), "consent comes from its own topic, dated when it changed");
    }

    @Test
    void aCancellationNamesItsReasonAndTime() {
        service.handle(detail("orders-cancelled.json"));
        JsonNode cancelled = fx.only("OrderCancelled");
        assertEquals("2026-11-25T09:12:40+08:00", cancelled.get("occurredAt").asText());
        assertEquals("customer", cancelled.at("/body/reason").asText());
        assertEquals("shopify:5820167307366", cancelled.at("/body/orderId").asText());
    }

    @Test
    void aRefundInAnotherCurrencyIsCountedFromItsShopMoneyParts() {
        service.handle(detail("orders-create.json"));
        service.handle(detail("refunds-create.json"));
        JsonNode refund = fx.only("OrderRefunded").get("body");
        assertEquals(11000, refund.at("/amount/amount").asLong(),
                "the dented tin (CNY 90.00) and the shipping (a CNY -20.00 adjustment), not the USD 15.29 transaction");
        assertEquals("shopify:929361464", refund.get("refundId").asText());
        assertEquals("shopify:7290122358850", refund.get("customerId").asText(),
                "the customer of the order, remembered");
        assertEquals("One tin arrived dented", refund.get("reason").asText());
    }

    @Test
    void aRefundInTheShopCurrencyIsTheMoneyThatWentBack() {
        service.handle(detail("orders-create.json"));
        service.handle(detail("refunds-create.json", d -> {
            ObjectNode transaction = (ObjectNode) d.at("/payload/transactions/0");
            transaction.put("currency", "CNY").put("amount", "105.50");
        }));
        assertEquals(10550, fx.only("OrderRefunded").at("/body/amount/amount").asLong());
    }

    @Test
    void aRefundOfAnOrderNeverSeenIsKeptAsUnknownOrder() {
        InvalidInputException refused = refused(detail("refunds-create.json"));
        assertEquals(RejectReason.UNKNOWN_ORDER, refused.reason());
        assertTrue(refused.detail()
                        .startsWith("Shopify refunds/create event 5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9: refund"),
                refused.detail());
        assertTrue(fx.published.isEmpty());
    }

    @Test
    void anAbandonedCheckoutIsACartToRecover() {
        service.handle(detail("checkouts-create.json"));
        JsonNode cart = fx.only("CartUpdated").get("body");
        assertEquals("shopify:checkout:38572049301804", cart.get("cartId").asText());
        assertEquals("shopify:7290122358850", cart.get("customerId").asText());
        assertTrue(cart.get("recoveryUrl").asText().startsWith("https://sample-tea-house.myshopify.com/"));
        assertEquals(25600, cart.at("/total/amount").asLong());
        assertEquals(12800, cart.at("/lines/0/unitPrice/amount").asLong());
        assertEquals("zh-CN", cart.get("locale").asText());
        assertFalse(cart.has("marketingConsent"), "a member's consent is the member's, in the archive");
        assertEquals(1, fx.only("CartUpdated").get("version").asInt());
        assertTrue(fx.kept.isEmpty());
    }

    @Test
    void aGuestsCheckoutCarriesTheGuestsConsentOnTheCart() {
        service.handle(detail("checkouts-update-guest.json"));
        JsonNode event = fx.only("CartUpdated");
        assertEquals(2, event.get("version").asInt(), "a field of contract version 2");
        JsonNode cart = event.get("body");
        assertFalse(cart.has("customerId"));
        assertEquals("visitor.3007@example.com", cart.get("email").asText());
        assertTrue(cart.at("/marketingConsent/granted").asBoolean(), "buyer_accepts_marketing: true");
        assertEquals("2026-11-27T08:19:47+08:00", cart.at("/marketingConsent/at").asText(),
                "the checkout's updated_at");
        assertEquals("shopify-checkout", cart.at("/marketingConsent/source").asText());
        assertTrue(fx.kept.isEmpty(), "nothing left over to keep");
    }

    @Test
    void aGuestWhoUntickedTheBoxHasRefusedAndOneWithoutAnAddressHasNoConsentToCarry() {
        service.handle(detail("checkouts-update-guest.json",
                d -> ((ObjectNode) d.get("payload")).put("buyer_accepts_marketing", false)));
        assertFalse(fx.only("CartUpdated").at("/body/marketingConsent/granted").asBoolean());
        fx.published.clear();
        service.handle(detail("checkouts-update-guest.json", d -> ((ObjectNode) d.get("payload")).putNull("email")));
        JsonNode withoutAddress = fx.only("CartUpdated");
        assertFalse(withoutAddress.at("/body").has("marketingConsent"), "a consent is given for an address");
        assertEquals(1, withoutAddress.get("version").asInt());
    }

    @Test
    void aCompletedCheckoutPublishesNothingItsOrderSaysItAll() {
        assertEquals("IGNORED_COMPLETED_CHECKOUT", service.handle(detail("checkouts-create.json",
                d -> ((ObjectNode) d.get("payload")).put("completed_at", "2026-11-26T21:09:00+08:00"))));
        assertTrue(fx.published.isEmpty());
    }

    @Test
    void aDeletedCheckoutEmptiesTheCart() {
        service.handle(detail("checkouts-delete.json"));
        JsonNode cart = fx.only("CartUpdated").get("body");
        assertEquals("shopify:checkout:38572049334572", cart.get("cartId").asText());
        assertEquals(0, cart.get("lines").size());
        assertEquals(0, cart.at("/total/amount").asLong());
    }

    @Test
    void aCustomerWithAnAccountRegisters() {
        service.handle(detail("customers-create.json"));
        JsonNode registered = fx.only("MemberRegistered").get("body");
        assertEquals("shopify:7290122424386", registered.get("customerId").asText());
        assertEquals("样例会员 李", registered.at("/profile/name").asText());
        assertEquals("+8613800002002", registered.at("/profile/phone").asText());
        assertEquals("CN", registered.at("/profile/country").asText());
    }

    @Test
    void aGuestCustomerIsAProfileNotARegistration() {
        service.handle(detail("customers-create.json", d -> ((ObjectNode) d.get("payload")).put("state", "disabled")));
        assertTrue(fx.ofType("MemberRegistered").isEmpty());
        assertEquals("member.2002@example.com", fx.only("MemberUpdated").at("/body/profile/email").asText());
    }

    @Test
    void consentOnAnOlderApiVersionIsItsOwnEventDatedWhenItChanged() {
        service.handle(detail("customers-update.json"));
        JsonNode consent = fx.only("MemberUpdated");
        assertEquals("2026-11-29T11:02:30+08:00", consent.get("occurredAt").asText(),
                "consent_updated_at, not the update");
        assertTrue(consent.at("/body/profile/marketingConsent/granted").asBoolean());
        assertEquals("+8613800002012", fx.only("MemberRegistered").at("/body/profile/phone").asText());
    }

    @Test
    void anUnsubscribeOnTheConsentTopicWithdrawsConsent() {
        service.handle(detail("customers-email-marketing-consent-update.json"));
        JsonNode updated = fx.only("MemberUpdated");
        assertEquals("shopify:7290122358850", updated.at("/body/customerId").asText());
        assertFalse(updated.at("/body/profile/marketingConsent/granted").asBoolean());
        assertEquals("2026-11-30T19:59:58+08:00", updated.at("/body/profile/marketingConsent/at").asText());
    }

    @Test
    void aDisputeOpensWithItsEvidenceDeadlineAndEndsWithItsResolution() {
        service.handle(detail("orders-create.json"));
        service.handle(detail("disputes-create.json"));
        JsonNode opened = fx.only("DisputeOpened").get("body");
        assertEquals("shopify:598735659", opened.get("disputeId").asText());
        assertEquals("shopify", opened.get("channel").asText());
        assertEquals("not_received", opened.get("reason").asText());
        assertEquals("awaiting_seller_confirmation", opened.get("status").asText());
        assertEquals("2026-12-14T23:59:59+08:00", opened.get("evidenceDueBy").asText());
        assertEquals("shopify:7290122358850", opened.get("customerId").asText());
        assertEquals("member.2001@example.com", opened.at("/customer/email").asText(),
                "the contact the order gave, for a customer who may not be a member");
        assertEquals("Sample Member Chen", opened.at("/customer/name").asText());
        assertEquals("zh-CN", opened.at("/customer/locale").asText());
        assertEquals(2, fx.only("DisputeOpened").get("version").asInt());

        service.handle(detail("disputes-update-won.json"));
        JsonNode resolved = fx.only("DisputeUpdated").get("body");
        assertEquals("resolved", resolved.get("status").asText());
        assertEquals("rejected", resolved.get("resolution").asText(), "the store won: the buyer's claim was rejected");
    }

    @Test
    void aDisputeOfAnOrderWhoseCheckoutGaveNoAddressCarriesNoContact() {
        service.handle(detail("orders-create.json", d -> {
            ((ObjectNode) d.get("payload")).put("email", "Sample Member <member.2001@example.com>");
            ((ObjectNode) d.get("payload")).putNull("contact_email");
        }));
        service.handle(detail("disputes-create.json"));
        JsonNode opened = fx.only("DisputeOpened");
        assertFalse(opened.get("body").has("customer"), "no plain address, no contact");
        assertEquals(1, opened.get("version").asInt());
    }

    @Test
    void aDisputeOfAnOrderNeverSeenIsKeptAsUnknownOrder() {
        assertEquals(RejectReason.UNKNOWN_ORDER, refused(detail("disputes-create.json")).reason());
    }

    @Test
    void aCustomersDataRequestIsACanonicalRequestDueWithinShopifysThirtyDays() {
        assertEquals("PUBLISHED", service.handle(detail("customers-data-request.json")));
        JsonNode event = fx.only("CustomerDataRequested");
        assertEquals("shopify:5c6d7e8f-9a0b-4c1d-e2f3-a4b5c6d7e8f9:CustomerDataRequested", event.get("id").asText());
        assertEquals(2, event.get("version").asInt());
        assertEquals("2026-12-04T03:30:01.22033044Z", event.get("occurredAt").asText(), "when Shopify triggered it");
        JsonNode body = event.get("body");
        assertEquals("shopify:data-request:9987", body.get("requestId").asText());
        assertEquals("shopify:7290122358850", body.at("/subject/customerId").asText());
        assertEquals("member.2001@example.com", body.at("/subject/email").asText());
        assertFalse(body.get("subject").has("phone"), "138-0000-2001 is not E.164");
        assertEquals("subject", body.at("/requester/party").asText());
        assertEquals("shopify", body.at("/requester/via").asText());
        assertEquals("2027-01-03T03:30:01.22033044Z", body.get("deadline").asText());
        assertEquals(List.of("shopify:5820167143526", "shopify:5820167307366"),
                List.of(body.at("/orderIds/0").asText(), body.at("/orderIds/1").asText()));
        assertTrue(fx.kept.isEmpty());
    }

    @Test
    void aCustomersRedactIsAnErasureRequestAndItsReDeliveryTheSameRequest() {
        service.handle(detail("customers-redact.json"));
        service.handle(detail("customers-redact.json"));
        List<JsonNode> requests = fx.ofType("CustomerErasureRequested");
        assertEquals(4, requests.size(), "the customer's and their address's guest's, each delivery");
        assertEquals(requests.subList(0, 2), requests.subList(2, 4), "the same events, kept once each");
        JsonNode body = requests.getFirst().get("body");
        assertEquals("shopify:redact:4b5c6d7e-8f9a-4b0c-d1e2-f3a4b5c6d7e8", body.get("requestId").asText());
        assertEquals("shopify:7290122424386", body.at("/subject/customerId").asText());
        assertEquals("+8613800002002", body.at("/subject/phone").asText());
        assertEquals("shopify:5820167307366", body.at("/orderIds/0").asText());
        assertEquals(1, body.get("orderIds").size());
    }

    @Test
    void aCustomersRedactAlsoErasesTheGuestOfTheirAddressWhoseOrdersAreKeptUnderItsHash() {
        service.handle(detail("customers-redact.json"));
        JsonNode guest = fx.ofType("CustomerErasureRequested").get(1);
        assertEquals("shopify:4b5c6d7e-8f9a-4b0c-d1e2-f3a4b5c6d7e8:CustomerErasureRequested:guest",
                guest.get("id").asText());
        JsonNode body = guest.get("body");
        assertEquals("shopify:redact:4b5c6d7e-8f9a-4b0c-d1e2-f3a4b5c6d7e8:guest", body.get("requestId").asText());
        assertEquals(CustomerIds.guest("shopify", "member.2002@example.com"), body.at("/subject/customerId").asText(),
                "the id the guest's orders are archived under");
        assertEquals("member.2002@example.com", body.at("/subject/email").asText());
        assertEquals("shopify:5820167307366", body.at("/orderIds/0").asText());
    }

    @Test
    void aShopsRedactIsKeptForTheOperatorNotPublished() {
        InvalidInputException refused = refused(detail("shop-redact.json"));
        assertEquals(RejectReason.NOT_YET_MAPPED, refused.reason());
        assertTrue(refused.detail().contains("the whole store, not a customer"), refused.detail());
        assertTrue(fx.published.isEmpty());
    }

    @Test
    void shopifysTestNotificationIsATestDelivery() {
        assertEquals(RejectReason.TEST_DELIVERY, refused(detail("orders-create-test-notification.json")).reason());
        String testOrder = detail("orders-create.json", d -> ((ObjectNode) d.get("payload")).put("test", true));
        assertEquals(RejectReason.TEST_DELIVERY, refused(testOrder).reason(), "an order through a test gateway");
        assertTrue(fx.published.isEmpty() && fx.owners.isEmpty());
        ShopifyAdapterService staging = new ShopifyAdapterService(new Amounts("CNY"), fx.orderOwners(), fx.bus(),
                fx.rejects("shopify-adapter"), Optional.empty(), true);
        assertEquals("PUBLISHED", staging.handle(testOrder), "a staging stack maps test orders");
        assertEquals(RejectReason.TEST_DELIVERY, assertThrows(InvalidInputException.class,
                () -> staging.handle(detail("orders-create-test-notification.json"))).reason(),
                "but never the admin's canned test notification");
    }

    @Test
    void anotherTopicAnotherShopAnotherCurrencyAreRefusedWithTheirReasons() {
        assertEquals(RejectReason.UNSUPPORTED_TOPIC, refused(detail("orders-create.json",
                d -> ((ObjectNode) d.get("metadata")).put("X-Shopify-Topic", "products/create"))).reason());
        assertEquals(RejectReason.NOT_FOR_THIS_STORE, refused(detail("orders-create.json",
                d -> ((ObjectNode) d.get("metadata")).put("X-Shopify-Shop-Domain", "another-shop.myshopify.com")))
                .reason());
        InvalidInputException wrongCurrency = assertThrows(InvalidInputException.class,
                () -> service("USD", Optional.empty()).handle(detail("orders-create.json")));
        assertEquals(RejectReason.WRONG_CURRENCY, wrongCurrency.reason());
        assertTrue(fx.published.isEmpty());
    }

    @Test
    void aPayloadThatIsNotShopifysIsRefusedNamingTheField() {
        assertEquals(RejectReason.MALFORMED_JSON, refused("{\"payload\": ").reason());
        InvalidInputException noTopic = refused(detail("orders-create.json",
                d -> ((ObjectNode) d.get("metadata")).remove("X-Shopify-Topic")));
        assertEquals(RejectReason.SCHEMA_VIOLATION, noTopic.reason());
        assertEquals("detail.metadata.X-Shopify-Topic is required", noTopic.detail());
        InvalidInputException noTotal = refused(detail("orders-create.json",
                d -> ((ObjectNode) d.get("payload")).remove("total_price_set")));
        assertTrue(noTotal.detail().endsWith("payload.total_price_set is required"), noTotal.detail());
    }

    @Test
    void anOrderTheContractCannotHoldIsRefusedAtTheEdgeNotByEveryConsumer() {
        InvalidInputException refused = refused(detail("orders-create.json",
                d -> ((ObjectNode) d.at("/payload/line_items/0")).put("quantity", 20000)));
        assertEquals(RejectReason.SCHEMA_VIOLATION, refused.reason());
        assertTrue(refused.detail().contains("the OrderPlaced mapped from it"), refused.detail());
        assertTrue(fx.published.isEmpty() && fx.owners.isEmpty(), "nothing published, nothing remembered");
    }
}
