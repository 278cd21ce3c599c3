package dev.storecrm.domain.event;

import static dev.storecrm.domain.event.ContractSchemas.CLOCK;
import static dev.storecrm.domain.event.ContractSchemas.schemaErrors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.event.CartEvent.CartUpdated;
import dev.storecrm.domain.event.DisputeEvent.DisputeOpened;
import dev.storecrm.domain.event.DisputeEvent.DisputeUpdated;
import dev.storecrm.domain.event.PrivacyEvent.CustomerDataRequested;
import dev.storecrm.domain.event.PrivacyEvent.CustomerErasureRequested;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.domain.member.Consent;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Contract version 2 next to version 1: every version 1 event means the same under version 2, what version 2 adds
 * is refused in an event that says version 1 (by the schema and by the parser), a later version is refused, and the
 * new fields and types read into the domain as the samples say.
 */
class ContractVersionsTest {

    @Test
    void everyVersion1SampleMeansTheSameMarkedVersion2() throws Exception {
        List<JsonNode> samples = samplesOfVersion(1);
        assertTrue(samples.size() >= 30, samples.size() + " samples of version 1");
        for (JsonNode event : samples) {
            JsonNode marked = ((ObjectNode) event.deepCopy()).put("version", 2);
            assertEquals(List.of(), schemaErrors(marked), event.get("id").asText());
            ContractEvent v1 = EventParser.read(event.toString(), CLOCK);
            ContractEvent v2 = EventParser.read(marked.toString(), CLOCK);
            assertEquals(2, v2.meta().version());
            assertEquals(contentOf(v1), contentOf(v2), event.get("id").asText());
        }
    }

    @Test
    void whatVersion2AddsIsRefusedInAnEventThatSaysVersion1() throws Exception {
        List<String> disagreements = new ArrayList<>();
        List<JsonNode> samples = samplesOfVersion(2);
        assertTrue(samples.size() >= 5, samples.size() + " samples of version 2");
        for (JsonNode event : samples) {
            String sample = event.get("id").asText();
            JsonNode marked = ((ObjectNode) event.deepCopy()).put("version", 1);
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> EventParser.read(marked.toString(), CLOCK), sample);
            EventType type = EventType.fromWire(event.get("type").asText()).orElseThrow();
            assertEquals(type.since() == 2 ? RejectReason.UNSUPPORTED_VERSION : RejectReason.SCHEMA_VIOLATION,
                    refused.reason(), refused.detail());
            assertTrue(refused.detail().contains("version 2"), refused.detail());
            if (schemaErrors(marked).isEmpty()) {
                disagreements.add(sample + ": the schema accepts it as version 1");
            }
        }
        assertEquals(List.of(), disagreements);
    }

    @Test
    void aVersionThisBuildDoesNotReadIsRefused() throws IOException {
        for (String sample : List.of("member-archive/05-order-paid.json",
                "privacy-requests/customer-data-requested.json")) {
            JsonNode event = ((ObjectNode) ContractSchemas.read(sample)).put("version", EventParser.LATEST_VERSION + 1);
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> EventParser.read(event.toString(), CLOCK));
            assertEquals(RejectReason.UNSUPPORTED_VERSION, refused.reason());
            assertFalse(schemaErrors(event).isEmpty(), sample);
        }
    }

    @Test
    void journeysReadStoreEventsOnlyAndPrivacyRequestsReadIntoTheirOwnTypes() throws IOException {
        String erasure = ContractSchemas.read("privacy-requests/customer-erasure-requested.json").toString();
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> EventParser.parse(erasure, CLOCK));
        assertEquals(RejectReason.NOT_FOR_THIS_CONSUMER, refused.reason());
        assertTrue(refused.detail().startsWith("CustomerErasureRequested is a privacy request"), refused.detail());

        CustomerErasureRequested erase =
                assertInstanceOf(CustomerErasureRequested.class, EventParser.read(erasure, CLOCK));
        assertEquals("dsr-2026-0018", erase.requestId());
        assertEquals(new PrivacyEvent.Subject(Optional.of("c-1003"), Optional.of("member.1003@example.com"),
                Optional.of("+8613800001003")), erase.subject());
        assertEquals(new PrivacyEvent.Requester(PrivacyEvent.Party.agent, Optional.of("email"),
                Optional.of("Sample Legal Representative"), Optional.of("counsel.1003@example.com")),
                erase.requester());
        assertEquals(Optional.of(Instant.parse("2026-12-22T03:30:00Z")), erase.deadline());
        assertEquals(List.of("o-8001"), erase.orderIds());

        String data = ContractSchemas.read("privacy-requests/customer-data-requested.json").toString();
        CustomerDataRequested request = assertInstanceOf(CustomerDataRequested.class, EventParser.read(data, CLOCK));
        assertEquals(PrivacyEvent.Party.subject, request.requester().party());
        assertEquals(Optional.empty(), request.subject().phone());
        assertEquals(List.of("o-5001", "o-5002"), request.orderIds());
    }

    @Test
    void aGuestCartCarriesItsConsentForItsAddress() throws IOException {
        CartUpdated cart = (CartUpdated) EventParser.parse(
                ContractSchemas.read("cart-recovery/guest-cart-consented.json").toString(), CLOCK);
        assertEquals(Optional.of(new Consent(true, Instant.parse("2026-11-22T11:44:30Z"), "storefront-checkout")),
                cart.marketingConsent());
        assertEquals(Optional.of("visitor.3004@example.com"), cart.email());
        assertTrue(cart.guestConsented());
        CartUpdated withoutConsent = (CartUpdated) EventParser.parse(
                ContractSchemas.read("cart-recovery/guest-cart-updated.json").toString(), CLOCK);
        assertFalse(withoutConsent.guestConsented(), "no consent given: the guest gets nothing");
        CartUpdated refusedConsent = (CartUpdated) EventParser.parse(consentRefused(), CLOCK);
        assertFalse(refusedConsent.guestConsented(), "consent refused at checkout");
        assertThrows(IllegalArgumentException.class, () -> new CartUpdated(cart.meta(), cart.cartId(),
                Optional.of("c-1001"), cart.email(), cart.lines(), cart.total(), cart.recoveryUrl(), cart.locale(),
                cart.timeZone(), cart.marketingConsent()), "a member's cart carries no consent of its own");
    }

    @Test
    void aDisputeCarriesItsCustomersContactOnTheOpeningAndOnUpdates() throws IOException {
        DisputeOpened opened = (DisputeOpened) EventParser.parse(
                ContractSchemas.read("disputes/dispute-opened-guest.json").toString(), CLOCK);
        assertEquals(Optional.of(new CustomerContact(Optional.of("buyer.4005@example.com"), Optional.of("Sample Buyer"),
                Optional.empty(), Optional.of("en"), Optional.of("America/Sao_Paulo"))), opened.customer());
        DisputeUpdated updated = (DisputeUpdated) EventParser.parse(
                ContractSchemas.read("disputes/dispute-updated-guest-contact.json").toString(), CLOCK);
        assertEquals(Optional.of("+5511900004005"), updated.customer().orElseThrow().phone());
        assertEquals(Optional.of("pt-BR"), updated.customer().orElseThrow().locale());
        DisputeOpened member = (DisputeOpened) EventParser.parse(
                ContractSchemas.read("disputes/dispute-opened.json").toString(), CLOCK);
        assertEquals(Optional.empty(), member.customer(), "a version 1 dispute has none");
    }

    private static String consentRefused() throws IOException {
        ObjectNode event = (ObjectNode) ContractSchemas.read("cart-recovery/guest-cart-consented.json");
        ((ObjectNode) event.at("/body/marketingConsent")).put("granted", false);
        return event.toString();
    }

    private static List<JsonNode> samplesOfVersion(int version) throws IOException {
        List<JsonNode> samples = new ArrayList<>();
        for (Path sample : EventContractTest.samples()) {
            JsonNode event = ContractSchemas.JSON.readTree(sample.toFile());
            if (event.get("version").asInt() == version) {
                samples.add(event);
            }
        }
        return samples;
    }

    /** Every component of an event's record but its envelope. */
    private static List<Object> contentOf(ContractEvent event) throws ReflectiveOperationException {
        List<Object> content = new ArrayList<>();
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            if (!component.getName().equals("meta")) {
                content.add(component.getAccessor().invoke(event));
            }
        }
        return content;
    }
}
