package dev.storecrm.stripeadapter;

import static dev.storecrm.platform.adapter.AdapterFixtures.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.event.CustomerContact;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.platform.adapter.AdapterFixtures;
import dev.storecrm.platform.adapter.Amounts;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The Stripe adapter on the samples of events/stripe-adapter/, written from Stripe's API reference. */
class StripeAdapterServiceTest {

    private final AdapterFixtures fx = new AdapterFixtures();
    private final StripeAdapterService service = service(false);

    private StripeAdapterService service(boolean acceptTestPayments) {
        return new StripeAdapterService(new Amounts("CNY"), fx.orderOwners(), fx.bus(), fx.rejects("stripe-adapter"),
                acceptTestPayments);
    }

    static String detail(String sample) {
        return sample("stripe-adapter/" + sample).get("detail").toString();
    }

    static String detail(String sample, Consumer<ObjectNode> edit) {
        ObjectNode detail = (ObjectNode) sample("stripe-adapter/" + sample).get("detail");
        edit.accept(detail);
        return detail.toString();
    }

    private static ObjectNode object(ObjectNode detail) {
        return (ObjectNode) detail.at("/data/object");
    }

    private InvalidInputException refused(String detail) {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> service.handle(detail));
        assertFalse(refused.detail().contains("@"), "a reason never repeats an address: " + refused.detail());
        return refused;
    }

    @Test
    void aCompletedSessionIsAnOrderPlacedAndPaidAndACheckoutCompleted() {
        service.handle(detail("checkout-session-completed.json"));
        assertEquals(3, fx.published.size());
        JsonNode placed = fx.only("OrderPlaced");
        assertEquals("stripe:evt_1SmPLeCheckoutDone3101:OrderPlaced", placed.get("id").asText(), "from the evt_ id");
        assertEquals("2026-11-23T10:25:12Z", placed.get("occurredAt").asText());
        assertEquals("stripe:pi_3SmPLeOrder3101aBcDeF", placed.at("/body/orderId").asText(), "the PaymentIntent");
        assertEquals("stripe:cus_SmPLeMember3101", placed.at("/body/customerId").asText());
        assertEquals(65800, placed.at("/body/total/amount").asLong());
        assertEquals("stripe:checkout", placed.at("/body/lines/0/sku").asText(), "one line for the whole amount");
        assertEquals("stripe:cs_live_a1SmPLe0rDeR4f5T2u9WqE8rT7y6U5i4O3p2A1s0D9f8G7h6J5k4L3",
                placed.at("/body/cartId").asText());
        JsonNode paid = fx.only("OrderPaid").get("body");
        assertEquals(65800, paid.at("/amount/amount").asLong());
        assertEquals("Sample Member Zhao", paid.at("/customer/name").asText());
        assertEquals("+8613800003101", paid.at("/customer/phone").asText());
        assertEquals("zh", paid.at("/customer/locale").asText());
        assertTrue(paid.at("/customer/marketingConsent/granted").asBoolean(), "consent.promotions: opt_in");
        assertEquals("stripe-checkout", paid.at("/customer/marketingConsent/source").asText());
        assertEquals(placed.at("/body/cartId"), fx.only("CheckoutCompleted").at("/body/cartId"));
        assertEquals("stripe:cus_SmPLeMember3101", fx.owners.get("stripe:pi_3SmPLeOrder3101aBcDeF"));
        assertEquals(new CustomerContact(Optional.of("member.3101@example.com"), Optional.of("Sample Member Zhao"),
                Optional.empty(), Optional.of("zh"), Optional.empty()),
                fx.contacts.get("stripe:pi_3SmPLeOrder3101aBcDeF"), "the contact the payment's disputes will carry");
    }

    /** A recovery link re-opens the expired session as a new one: its order converts the cart that was reminded. */
    @Test
    void aSessionRecoveredFromAnExpiredOneChecksOutThatCart() {
        service.handle(detail("checkout-session-completed.json", d -> object(d).put("recovered_from",
                "cs_live_b2SmPLeAbAnDoNeD7g6H5j4K3l2M1n0B9v8C7x6Z5a4S3d2F1g0")));
        String expired = "stripe:cs_live_b2SmPLeAbAnDoNeD7g6H5j4K3l2M1n0B9v8C7x6Z5a4S3d2F1g0";
        assertEquals(expired, fx.only("OrderPlaced").at("/body/cartId").asText());
        assertEquals(expired, fx.only("CheckoutCompleted").at("/body/cartId").asText());
    }

    @Test
    void anAdaptivePricingSessionCountsTheMerchantCurrencyTotal() {
        service.handle(detail("checkout-session-completed.json", d -> {
            object(d).put("currency", "usd").put("amount_total", 9150);
            object(d).putObject("currency_conversion").put("amount_subtotal", 69800).put("amount_total", 65800)
                    .put("fx_rate", "0.139058").put("source_currency", "cny");
        }));
        assertEquals(65800, fx.only("OrderPaid").at("/body/amount/amount").asLong());
        assertEquals("CNY", fx.only("OrderPaid").at("/body/amount/currency").asText());
    }

    @Test
    void aDelayedPaymentPaysLater() {
        service.handle(detail("checkout-session-completed.json", d -> object(d).put("payment_status", "unpaid")));
        assertTrue(fx.ofType("OrderPaid").isEmpty());
        service.handle(detail("checkout-session-completed.json", d -> {
            d.put("id", "evt_1SmPLeAsyncPaid3101").put("type", "checkout.session.async_payment_succeeded");
        }));
        assertEquals("stripe:evt_1SmPLeAsyncPaid3101:OrderPaid", fx.only("OrderPaid").get("id").asText());
    }

    @Test
    void aSubscriptionSessionIsNotAnOrderYet() {
        InvalidInputException refused = refused(detail("checkout-session-completed.json",
                d -> object(d).put("mode", "subscription").putNull("payment_intent")));
        assertEquals(RejectReason.NOT_YET_MAPPED, refused.reason());
    }

    @Test
    void anExpiredSessionWithARecoveryUrlAndConsentIsARecoverableCart() {
        assertEquals("PUBLISHED", service.handle(detail("checkout-session-expired.json")));
        JsonNode cart = fx.only("CartUpdated").get("body");
        assertEquals("https://buy.stripe.com/r/live_SmPLeRecovery3107", cart.get("recoveryUrl").asText());
        assertEquals("visitor.3107@example.com", cart.get("email").asText());
        assertEquals(25600, cart.at("/total/amount").asLong());
        assertEquals(2, fx.only("CartUpdated").get("version").asInt(), "a guest's consent is contract version 2's");
        assertTrue(cart.at("/marketingConsent/granted").asBoolean(), "consent.promotions: opt_in");
        assertEquals("stripe-checkout", cart.at("/marketingConsent/source").asText());
        assertEquals(fx.only("CartUpdated").get("occurredAt"), cart.at("/marketingConsent/at"), "known by expiry");
        assertTrue(fx.kept.isEmpty(), "nothing left over to keep");
    }

    @Test
    void anExpiredSessionOfAGuestWithoutAnAddressCarriesNoConsent() {
        service.handle(detail("checkout-session-expired.json", d -> ((ObjectNode) object(d).get("customer_details"))
                .putNull("email")));
        JsonNode cart = fx.only("CartUpdated");
        assertFalse(cart.get("body").has("marketingConsent"), "a consent is given for an address");
        assertEquals(1, cart.get("version").asInt());
    }

    @Test
    void anExpiredSessionOfACustomerAlsoRecordsTheConsent() {
        service.handle(detail("checkout-session-expired.json", d -> object(d).put("customer", "cus_SmPLeMember3101")));
        assertEquals("stripe:cus_SmPLeMember3101", fx.only("CartUpdated").at("/body/customerId").asText());
        assertFalse(fx.only("CartUpdated").get("body").has("marketingConsent"), "a member's consent is the archive's");
        assertTrue(fx.only("MemberUpdated").at("/body/profile/marketingConsent/granted").asBoolean());
        assertTrue(fx.kept.isEmpty());
    }

    @Test
    void anExpiredSessionWithoutConsentOrRecoveryUrlIsNoCart() {
        assertEquals("IGNORED_NOT_RECOVERABLE", service.handle(detail("checkout-session-expired.json",
                d -> object(d).putObject("consent").put("promotions", "opt_out"))));
        assertEquals("IGNORED_NOT_RECOVERABLE", service.handle(detail("checkout-session-expired.json",
                d -> object(d).putNull("after_expiration"))));
        assertTrue(fx.published.isEmpty());
    }

    @Test
    void aRefundOfAPaymentSeenIsAnOrderRefunded() {
        service.handle(detail("checkout-session-completed.json"));
        service.handle(detail("refund-created.json"));
        JsonNode refund = fx.only("OrderRefunded").get("body");
        assertEquals("stripe:re_3SmPLeOrder3101Refund1", refund.get("refundId").asText());
        assertEquals(20000, refund.at("/amount/amount").asLong());
        assertEquals("stripe:cus_SmPLeMember3101", refund.get("customerId").asText());
        assertEquals("requested_by_customer", refund.get("reason").asText());
    }

    @Test
    void aPendingRefundWaitsForItsUpdateAndAnUnknownPaymentIsKept() {
        service.handle(detail("checkout-session-completed.json"));
        assertEquals("IGNORED_REFUND_NOT_SUCCEEDED",
                service.handle(detail("refund-created.json", d -> object(d).put("status", "pending"))));
        assertEquals(RejectReason.UNKNOWN_ORDER, refused(detail("refund-created.json",
                d -> object(d).put("payment_intent", "pi_3SmPLeOlderPayment"))).reason());
    }

    @Test
    void aDisputeOpensWithStripesEvidenceDeadlineAndClosesWithItsOutcome() {
        service.handle(detail("checkout-session-completed.json"));
        service.handle(detail("charge-dispute-created.json"));
        JsonNode opened = fx.only("DisputeOpened").get("body");
        assertEquals("stripe:dp_1SmPLeDispute3101", opened.get("disputeId").asText());
        assertEquals("stripe", opened.get("channel").asText());
        assertEquals("not_as_described", opened.get("reason").asText(), "product_unacceptable");
        assertEquals("2026-12-10T23:59:59Z", opened.get("evidenceDueBy").asText(), "evidence_details.due_by");
        assertEquals("stripe:cus_SmPLeMember3101", opened.get("customerId").asText());
        assertEquals("member.3101@example.com", opened.at("/customer/email").asText(), "remembered with the payment");
        assertEquals("Sample Member Zhao", opened.at("/customer/name").asText());
        assertEquals(2, fx.only("DisputeOpened").get("version").asInt());

        service.handle(detail("charge-dispute-updated.json"));
        service.handle(detail("charge-dispute-funds-withdrawn.json"));
        service.handle(detail("charge-dispute-closed.json"));
        var updates = fx.ofType("DisputeUpdated");
        assertEquals("escalated", updates.get(0).at("/body/status").asText(), "under review");
        assertTrue(updates.get(1).at("/body/note").asText().contains("CNY 658.00"));
        assertEquals("resolved", updates.get(2).at("/body/status").asText());
        assertEquals("rejected", updates.get(2).at("/body/resolution").asText(), "won");
        updates.forEach(update -> assertEquals(1, update.get("version").asInt(), "updates carry nothing of version 2"));
    }

    @Test
    void aDisputeOfAGuestsPaymentCarriesTheGuestsContact() {
        service.handle(detail("checkout-session-completed.json", d -> object(d).putNull("customer")));
        service.handle(detail("charge-dispute-created.json"));
        JsonNode opened = fx.only("DisputeOpened").get("body");
        assertTrue(opened.get("customerId").asText().startsWith("stripe:guest:"), opened.get("customerId").asText());
        assertEquals("member.3101@example.com", opened.at("/customer/email").asText());
        assertEquals("zh", opened.at("/customer/locale").asText());
    }

    @Test
    void aCustomerIsAProfileWithItsDocumentedMetadata() {
        service.handle(detail("customer-created.json"));
        JsonNode profile = fx.only("MemberUpdated").at("/body/profile");
        assertEquals("Sample Member Zhao", profile.get("name").asText());
        assertEquals("1992-02-29", profile.get("birthday").asText());
        assertEquals("Asia/Shanghai", profile.get("timeZone").asText());
        assertEquals("zh-CN", profile.get("locale").asText(), "the first preferred locale");
        assertEquals("2019-10-01", profile.at("/anniversaries/wedding").asText());
        assertTrue(profile.at("/marketingConsent/granted").asBoolean());
        assertFalse(profile.has("loyalty_card"), "other metadata is not the profile's");
    }

    @Test
    void anUpdateMapsOnlyWhatChanged() {
        service.handle(detail("customer-updated.json"));
        JsonNode profile = fx.only("MemberUpdated").at("/body/profile");
        assertEquals(2, profile.size(), "phone and consent changed, nothing else is written again: " + profile);
        assertEquals("+8613900003101", profile.get("phone").asText());
        assertFalse(profile.at("/marketingConsent/granted").asBoolean());
    }

    @Test
    void anImpossibleBirthdayInMetadataRefusesTheEventNamingTheField() {
        InvalidInputException refused = refused(detail("customer-created.json",
                d -> ((ObjectNode) object(d).get("metadata")).put("birthday", "1993-02-29")));
        assertEquals(RejectReason.IMPOSSIBLE_DATE, refused.reason());
        assertTrue(refused.detail().contains("body.profile.birthday"), refused.detail());
    }

    @Test
    void testModeEventsAreTestDeliveriesUnlessTheStackAcceptsThem() {
        String testMode = detail("checkout-session-completed.json", d -> d.put("livemode", false));
        assertEquals(RejectReason.TEST_DELIVERY, refused(testMode).reason());
        assertEquals("PUBLISHED", service(true).handle(testMode));
    }

    @Test
    void anotherEventTypeIsUnsupportedAndAReDeliveryRepeatsTheSameIds() {
        InvalidInputException refused = refused(detail("refund-created.json", d -> d.put("type", "charge.refunded")));
        assertEquals(RejectReason.UNSUPPORTED_TOPIC, refused.reason());
        assertTrue(refused.detail().startsWith("Stripe charge.refunded evt_3SmPLeRefundCreated1: "), refused.detail());
        service.handle(detail("checkout-session-completed.json"));
        service.handle(detail("checkout-session-completed.json"));
        assertEquals(fx.published.subList(0, 3), fx.published.subList(3, 6));
    }
}
