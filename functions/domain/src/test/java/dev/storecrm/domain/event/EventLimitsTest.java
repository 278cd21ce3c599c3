package dev.storecrm.domain.event;

import static dev.storecrm.domain.event.ContractSchemas.CLOCK;
import static dev.storecrm.domain.event.ContractSchemas.EVENTS;
import static dev.storecrm.domain.event.ContractSchemas.JSON;
import static dev.storecrm.domain.event.ContractSchemas.parserAccepts;
import static dev.storecrm.domain.event.ContractSchemas.schemaErrors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.domain.messaging.EmailAddress;
import dev.storecrm.domain.money.Money;
import dev.storecrm.domain.time.RecurringDate;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The contract's limits ({@link EventLimits}, {@link Money#MAX_MINOR}, {@link RecurringDate}'s years,
 * {@link EmailAddress}) are stated in the JSON Schemas with the values the parser enforces, and the
 * schema and the parser agree at the edge of each: the last value in, the first value out.
 */
class EventLimitsTest {

    private static final Clock END_OF_CONTRACT = Clock.fixed(Instant.parse("2099-12-31T23:59:59Z"), ZoneOffset.UTC);

    @Test
    void theSchemasStateTheLimitsTheParserEnforces() throws IOException {
        JsonNode common = JSON.readTree(EVENTS.resolve("schemas/common.schema.json").toFile()).get("$defs");
        assertEquals(Money.MAX_MINOR, common.at("/money/properties/amount/maximum").asLong());
        assertEquals(EventLimits.MAX_AHEAD_OF_RECEIPT,
                Duration.parse(common.at("/occurredAt/x-maxAheadOfReceipt").asText()));
        assertEquals(EventLimits.EVIDENCE_WINDOW,
                Duration.parse(common.at("/evidenceDueBy/x-maxAfterOpening").asText()));
        assertEquals(EventLimits.PRIVACY_DEADLINE_WINDOW,
                Duration.parse(common.at("/privacyDeadline/x-maxAfterRequest").asText()));
        assertEquals(PrivacyBodies.MAX_ORDER_IDS, common.at("/privacyRequest/properties/orderIds/maxItems").asInt());
        assertEquals("^" + EmailAddress.PATTERN + "$", common.at("/email/pattern").asText());
        for (EventType type : EventType.values()) {
            JsonNode schema = JSON.readTree(EVENTS.resolve("schemas/" + type + ".schema.json").toFile());
            assertEquals("common.schema.json#/$defs/occurredAt", schema.at("/properties/occurredAt/$ref").asText(),
                    type + " occurredAt");
            JsonNode evidence = schema.at("/properties/body/properties/evidenceDueBy/$ref");
            assertTrue(evidence.isMissingNode() || evidence.asText().equals("common.schema.json#/$defs/evidenceDueBy"));
        }
    }

    @Test
    void schemaAndParserAgreeAtTheEdgesOfEveryLimit() throws IOException {
        JsonNode paid = ContractSchemas.read("member-archive/05-order-paid.json");
        JsonNode registered = ContractSchemas.read("member-archive/01-member-registered.json");
        List<String> disagreements = new ArrayList<>();
        for (long amount : new long[] {0, Money.MAX_MINOR, Money.MAX_MINOR + 1, Long.MAX_VALUE}) {
            agree(edit(paid, e -> ((ObjectNode) e.at("/body/amount")).put("amount", amount)), CLOCK, disagreements);
        }
        for (int year : new int[] {EventLimits.EARLIEST_YEAR - 1, EventLimits.EARLIEST_YEAR, EventLimits.LATEST_YEAR,
                EventLimits.LATEST_YEAR + 1, 9999}) {
            agree(edit(paid, e -> ((ObjectNode) e).put("occurredAt", year + "-06-01T12:00:00+08:00")), END_OF_CONTRACT,
                    disagreements);
        }
        for (int year : new int[] {RecurringDate.EARLIEST_YEAR - 1, RecurringDate.EARLIEST_YEAR,
                RecurringDate.LATEST_YEAR, RecurringDate.LATEST_YEAR + 1}) {
            agree(edit(registered, e -> ((ObjectNode) e.at("/body/profile")).put("birthday", year + "-05-20")), CLOCK,
                    disagreements);
        }
        for (String email : List.of("a@b.example", "o'hara+tag@shop.example.com", "x@xn--fsqu00a.example",
                "A@B.EXAMPLE", "a@b", "a @b.example", "a,b@c.example", "<a@b.example>", "Ann <a@b.example>",
                "a@b.example\r\nBcc: c@d.example", "a.@b.example", "a@-b.example", "a@b.example.", "a@b.1")) {
            agree(edit(registered, e -> ((ObjectNode) e.at("/body/profile")).put("email", email)), CLOCK,
                    disagreements);
        }
        assertEquals(List.of(), disagreements);
    }

    @Test
    void anEventMayBeAnHourAheadOfTheReceivingClockButNoMore() throws IOException {
        JsonNode paid = ContractSchemas.read("member-archive/05-order-paid.json");
        Instant occurred = EventParser.parse(paid.toString(), CLOCK).meta().instant();
        Instant receivedAt = occurred.minus(EventLimits.MAX_AHEAD_OF_RECEIPT);
        EventParser.parse(paid.toString(), Clock.fixed(receivedAt, ZoneOffset.UTC));
        InvalidInputException early = assertThrows(InvalidInputException.class,
                () -> EventParser.parse(paid.toString(), Clock.fixed(receivedAt.minusSeconds(1), ZoneOffset.UTC)));
        assertEquals(RejectReason.DATE_OUT_OF_RANGE, early.reason());
        assertTrue(parserAccepts(paid, END_OF_CONTRACT), "late delivery is fine however late");
    }

    @Test
    void anEvidenceDeadlineLiesAfterTheOpeningWithinTheWindow() throws IOException {
        JsonNode opened = ContractSchemas.read("disputes/dispute-opened-stripe.json");
        Instant openedAt = Instant.parse(opened.get("occurredAt").asText());
        for (Instant due : List.of(openedAt.plusSeconds(1), openedAt.plus(EventLimits.EVIDENCE_WINDOW))) {
            assertTrue(parserAccepts(
                    edit(opened, e -> ((ObjectNode) e.get("body")).put("evidenceDueBy", due.toString())), CLOCK),
                    due.toString());
        }
        for (Instant due : List.of(openedAt, openedAt.plus(EventLimits.EVIDENCE_WINDOW).plusSeconds(1))) {
            JsonNode event = edit(opened, e -> ((ObjectNode) e.get("body")).put("evidenceDueBy", due.toString()));
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> EventParser.parse(event.toString(), CLOCK), due.toString());
            assertEquals(RejectReason.DATE_OUT_OF_RANGE, refused.reason());
        }
    }

    @Test
    void aPrivacyDeadlineLiesAfterTheRequestWithinTheWindow() throws IOException {
        JsonNode request = ContractSchemas.read("privacy-requests/customer-erasure-requested.json");
        Instant requestedAt = OffsetDateTime.parse(request.get("occurredAt").asText()).toInstant();
        for (Instant due : List.of(requestedAt.plusSeconds(1), requestedAt.plus(EventLimits.PRIVACY_DEADLINE_WINDOW))) {
            JsonNode event = edit(request, e -> ((ObjectNode) e.get("body")).put("deadline", due.toString()));
            assertTrue(parserAccepts(event, CLOCK), due.toString());
            assertEquals(List.of(), schemaErrors(event), "the schema leaves the window to the parser");
        }
        for (Instant due : List.of(requestedAt, requestedAt.plus(EventLimits.PRIVACY_DEADLINE_WINDOW).plusSeconds(1))) {
            JsonNode event = edit(request, e -> ((ObjectNode) e.get("body")).put("deadline", due.toString()));
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> EventParser.read(event.toString(), CLOCK), due.toString());
            assertEquals(RejectReason.DATE_OUT_OF_RANGE, refused.reason());
        }
    }

    private static void agree(JsonNode event, Clock clock, List<String> disagreements) {
        boolean schemaAccepts = schemaErrors(event).isEmpty();
        boolean parserAccepts = parserAccepts(event, clock);
        if (schemaAccepts != parserAccepts) {
            disagreements.add(event + ": schema " + schemaAccepts + ", parser " + parserAccepts);
        }
    }

    private static JsonNode edit(JsonNode original, Consumer<JsonNode> change) {
        JsonNode copy = original.deepCopy();
        change.accept(copy);
        return copy;
    }
}
