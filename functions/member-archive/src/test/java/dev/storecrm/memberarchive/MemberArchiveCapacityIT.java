package dev.storecrm.memberarchive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.storecrm.localcloud.CapacityRecorder;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalCloudExtension;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.localcloud.SimulatedClock;
import dev.storecrm.localcloud.Template;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Capacity units per event, as DynamoDB reports them ({@code ReturnConsumedCapacity}): the cost
 * model of the member archive, held steady by assertion. Timings are in the benchmark, not here.
 */
@ExtendWith(LocalCloudExtension.class)
class MemberArchiveCapacityIT {

    private static final Path EVENTS = Template.projectRoot().resolve("events/member-archive");
    private LocalFunctions functions;

    @BeforeEach
    void reset(LocalCloud cloud) {
        cloud.reset();
        functions = cloud.functions(new SimulatedClock(Instant.parse("2026-11-23T00:00:00Z")));
        functions.handler("MemberArchiveFunction");
    }

    /** Units the function used for one event, as "table read/write". */
    private Map<String, String> unitsFor(String sample) throws Exception {
        CapacityRecorder.reset();
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("m-" + sample);
        message.setBody(Files.readString(EVENTS.resolve(sample)));
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        functions.invoke("MemberArchiveFunction", event);
        Map<String, String> units = new TreeMap<>();
        for (CapacityRecorder.Usage usage : CapacityRecorder.usage()) {
            units.put(usage.table() + (usage.index() == null ? "" : "/" + usage.index()),
                    usage.readUnits() + "/" + usage.writeUnits());
        }
        return units;
    }

    @Test
    void eachEventCostsWhatTheDesignSays() throws Exception {
        assertEquals(Map.of("MembersTable", "0.5/1.0", "OccasionsTable", "0.0/3.0", "OccasionsTable/ByLocalDay", "0.0/3.0"),
                unitsFor("01-member-registered.json"),
                "registration: one eventually consistent read, one write of a small item, and one diary entry (and its"
                        + " due-day index entry) for each date to greet: birthday, wedding, membership start");
        assertEquals(Map.of("OrdersTable", "0.0/1.0"), unitsFor("04-order-placed.json"),
                "placement: one order write, no read, the member untouched");
        assertEquals(Map.of("MembersTable", "0.5/1.0", "OrdersTable", "0.0/1.0",
                        "TimersTable", "0.0/1.0", "TimersTable/DueByShard", "0.0/1.0"), unitsFor("05-order-paid.json"),
                "payment: read and rewrite the member, record the payment on the order, re-arm the win-back timer");
        assertEquals(Map.of("MembersTable", "0.5/0.0", "OrdersTable", "0.0/1.0"), unitsFor("05-order-paid.json"),
                "a duplicate payment: a read finds nothing to change (the order's guarded write is refused, 1 unit)");
    }
}
