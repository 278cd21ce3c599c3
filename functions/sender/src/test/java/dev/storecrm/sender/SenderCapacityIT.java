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

    @Test
    void aMessageCostsAFewItemsAndItsOutcomeOneCounterWrite() {
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
                        // the live overrides of the template and of the layout: read once a minute per instance
                        "TemplateOverridesTable", "1.0/0.0"),
                Map.of("SendLedgerTable", "0.5/0.0"),
                Map.of("DisputesTable", "0.0/0.0", "DisputesTable/OpenByCustomer", "0.0/0.0", "MembersTable", "0.5/0.0",
                        "ReputationTable", "0.0/1.0", "SendLedgerTable", "0.5/1.0",
                        "SendLedgerTable/SettledByCustomer", "0.0/1.0", "SuppressionsTable", "1.0/0.0")),
                List.of(unitsFor(followUp), unitsFor(followUp), unitsFor(news)),
                "sent: the member, the suppressions, the ledger's claim and send, the outcome's counter, and (the "
                        + "first in a minute) the template overrides; "
                        + "a duplicate: the ledger says it is settled, nothing counted again; not sent (no consent): "
                        + "the ledger's settlement with its reason, and the outcome's counter");
    }
}
