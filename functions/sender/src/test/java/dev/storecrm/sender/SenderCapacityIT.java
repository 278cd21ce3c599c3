package dev.storecrm.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storecrm.domain.messaging.MessageRequest;
import dev.storecrm.domain.messaging.MessageRequestJson;
import dev.storecrm.domain.messaging.Recipient;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.fixtures.triggers.SqsBatch;
import dev.storecrm.localcloud.CapacityRecorder;
import dev.storecrm.localcloud.FreshLocalCloud;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalFunctions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Capacity units per message of SenderFunction, as DynamoDB reports them ({@code ReturnConsumedCapacity}): a
 * message touches a fixed handful of items, whatever the number of members and messages. Timings are in the
 * benchmark (SenderBenchmark), not here.
 */
@ExtendWith(FreshLocalCloud.class)
class SenderCapacityIT {

    /** 12:00 in Shanghai: outside the quiet hours. */
    private static final Instant NOON_IN_SHANGHAI = Instant.parse("2026-11-23T04:00:00Z");

    private LocalFunctions functions;

    @BeforeEach
    void members(LocalCloud cloud) {
        SimulatedClock clock = new SimulatedClock(NOON_IN_SHANGHAI);
        functions = cloud.functions(clock);
        for (boolean consent : new boolean[] {true, false}) {
            String id = consent ? "c-yes" : "c-no";
            cloud.eventBus().publish(Events.memberRegistered(id).at("2026-11-01T00:00:00Z").email(id + "@example.com")
                    .name("Ann").locale("en").timeZone("Asia/Shanghai").consent(consent).json(), "test",
                    clock.instant());
        }
        functions.drainAll();
        functions.handler("SenderFunction");
    }

    /** Units SenderFunction used for one message, as "table read/write". */
    private Map<String, String> unitsFor(MessageRequest request) {
        CapacityRecorder.reset();
        String body = MessageRequestJson.write(request);
        functions.invoke("SenderFunction", SqsBatch.single("m-" + body.hashCode(), body));
        return CapacityRecorder.unitsOf("SenderFunction");
    }

    private static Map<String, String> withoutLift(Map<String, String> units) {
        Map<String, String> without = new TreeMap<>(units);
        without.remove("LiftTable");
        return without;
    }

    @Test
    void aMessageCostsAFewItemsItsOutcomeOneCounterWriteAndAMarketingOneTheLiftAssignment() {
        MessageRequest followUp = MessageRequest.transactional("ORDER#o-1#follow-up", "order",
                new Recipient.Member("c-yes"), "order-follow-up", Map.of("orderId", "o-1"), NOON_IN_SHANGHAI);
        MessageRequest news = MessageRequest.marketing("NEWS#1", "news", "c-no", "store-news",
                Map.of("headline", "New teas", "message", "New arrivals", "link", "https://shop.example.com/new"),
                NOON_IN_SHANGHAI);
        // ReputationTable's 1 write unit is the outcome's counter (DynamoDbMailOutcomes): the one write the console's
        // mail results add per settled message, sent (4 write units instead of 3) or not (3 instead of 2).
        assertEquals(List.of(
                Map.of("MembersTable", "0.5/0.0", "ReputationTable", "0.0/1.0", "SendLedgerTable", "0.5/2.0",
                        "SendLedgerTable/SettledByCustomer", "0.0/1.0", "SuppressionsTable", "1.0/0.0",
                        "TemplateOverridesTable", "1.0/0.0"),
                Map.of("SendLedgerTable", "0.5/0.0"),
                Map.of("DisputesTable", "0.0/0.0", "DisputesTable/OpenByCustomer", "0.0/0.0", "MembersTable", "0.5/0.0",
                        "ReputationTable", "0.0/1.0", "SendLedgerTable", "0.5/1.0",
                        "SendLedgerTable/SettledByCustomer", "0.0/1.0", "SuppressionsTable", "1.0/0.0")),
                List.of(unitsFor(followUp), unitsFor(followUp), withoutLift(unitsFor(news))),
                "sent: the member, the suppressions, the template overrides (read once a minute), the ledger's claim "
                        + "and send, and the outcome's counter; "
                        + "a duplicate: the ledger says it is settled, nothing counted again; not sent (no consent): "
                        + "the ledger's settlement with its reason, and the outcome's counter");

        MessageRequest sent = MessageRequest.marketing("NEWS#2", "news", "c-yes", "store-news",
                Map.of("headline", "New teas", "message", "New arrivals", "link", "https://shop.example.com/new"),
                NOON_IN_SHANGHAI);
        MessageRequest heldOut = MessageRequest.marketing("NEWS#3", "news", "c-yes", "store-news",
                Map.of("headline", "New teas", "message", "New arrivals", "link", "https://shop.example.com/new"),
                NOON_IN_SHANGHAI).heldOutOf();
        MessageRequest laterFollowUp = MessageRequest.transactional("ORDER#o-2#follow-up", "order",
                new Recipient.Member("c-yes"), "order-follow-up", Map.of("orderId", "o-1"), NOON_IN_SHANGHAI);
        assertEquals(List.of("0.0/4.0", "0.0/4.0", "0.0/4.0", "none"),
                List.of(unitsFor(sent), unitsFor(heldOut), unitsFor(MessageRequest.marketing("NEWS#4", "news", "c-no",
                        "store-news", Map.of("headline", "h", "message", "m", "link", "https://shop.example.com/"),
                        NOON_IN_SHANGHAI)), unitsFor(laterFollowUp)).stream()
                        .map(units -> units.getOrDefault("LiftTable", "none")).toList(),
                "sent, held out, skipped (no consent): the assignment and its cell in one transaction (DynamoDB Local "
                        + "reports 2 units an item, as AWS bills a transaction); transactional mail: nothing");
    }

    @Test
    void aBroadcastMessageAddsOneWriteUnitItsCampaignsDeliveryCounterSentOrNot() {
        Map<String, Object> spring = Map.of("headline", "Spring teas", "message", "Longjing is in",
                "link", "https://shop.example.com/spring", "campaign", "spring-teas", "variant", "A");
        MessageRequest sent = MessageRequest.marketing("BROADCAST#spring-teas#c-yes", "broadcast", "c-yes",
                "store-news", spring, NOON_IN_SHANGHAI);
        MessageRequest unconsenting = MessageRequest.marketing("BROADCAST#spring-teas#c-no", "broadcast", "c-no",
                "store-news", spring, NOON_IN_SHANGHAI);
        assertEquals(List.of("0.5/2.0", "0.0/2.0", "none"), List.of(unitsFor(sent), unitsFor(unconsenting),
                        unitsFor(sent)).stream().map(units -> units.getOrDefault("ReputationTable", "none")).toList(),
                "sent (after reading the guard's state), not sent (no consent): the day's outcome counter and the "
                        + "campaign's delivery counter (DynamoDbBroadcastDelivery), 1 write unit each (2 instead of "
                        + "the 1 of any other journey's message); a duplicate: nothing counted again");
    }
}
