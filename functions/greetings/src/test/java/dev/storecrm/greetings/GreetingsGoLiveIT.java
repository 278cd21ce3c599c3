package dev.storecrm.greetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalCloudExtension;
import dev.storecrm.localcloud.LocalFunctions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The go-live guard on greetings, through the real member archive, greeting run and sender: the
 * stack is deployed and the store's members imported on 10 June, the store goes live on 20 June
 * ({@code GoLiveAt} a date: its start in the store's time zone). A wedding anniversary on 15 June
 * falls before go-live: no greeting and no gift coupon. A birthday on 25 June is greeted with its gift.
 */
@ExtendWith(LocalCloudExtension.class)
class GreetingsGoLiveIT {

    private static final Instant DEPLOYED = Instant.parse("2026-06-10T00:00:00Z");
    private static final Instant END = Instant.parse("2026-06-27T00:00:00Z");

    @Test
    void anAnniversaryBeforeGoLiveSendsNothingAndABirthdayAfterItIsGreeted(LocalCloud cloud) {
        cloud.reset();
        SimulatedClock clock = new SimulatedClock(DEPLOYED);
        LocalFunctions functions = cloud.functions(clock, Map.of("GO_LIVE_AT", "2026-06-20", "GREETING_SHARDS", "1"));
        cloud.eventBus().publish(Events.memberRegistered("c-imported").at("2024-01-10T00:00:00Z")
                .name("Imported member").email("imported@example.com").birthday("1990-06-25")
                .anniversary("wedding", "2015-06-15").consent(true, "2024-01-10T00:00:00Z", "import").json(),
                "import", clock.instant());
        functions.drainAll();
        for (Instant hour = DEPLOYED; hour.isBefore(END); hour = hour.plus(Duration.ofHours(1))) {
            clock.set(hour);
            functions.invoke("GreetingsFunction", new HashMap<String, Object>());
            functions.drainAll();
        }

        TreeSet<String> sent = new TreeSet<>();
        cloud.dynamoDb().scan(s -> s.tableName(cloud.tableName("SendLedgerTable"))).items().stream()
                .filter(entry -> "SENT".equals(entry.get("status").s()))
                .forEach(entry -> sent.add(entry.get("businessKey").s()));
        assertEquals(new TreeSet<>(List.of("BIRTHDAY#c-imported#2026")), sent,
                "the birthday after go-live, not the wedding anniversary before it");
        List<String> coupons = cloud.dynamoDb().scan(s -> s.tableName(cloud.tableName("CouponsTable"))).items().stream()
                .map(coupon -> coupon.get("campaign").s()).toList();
        assertEquals(List.of("birthday"), coupons, "no anniversary coupon for an anniversary before go-live");
        assertTrue(cloud.sentMail().getFirst().html().contains("BIRT-"), "the birthday greeting carries its gift");
        Map<String, AttributeValue> wedding = cloud.dynamoDb().scan(s -> s.tableName(cloud.tableName("OccasionsTable")))
                .items().stream().filter(item -> item.containsKey("kind") && "wedding".equals(item.get("kind").s()))
                .findFirst().orElseThrow();
        assertEquals("2027-06-15", wedding.get("localDate").s(), "the anniversary waits for next year's greeting");
    }
}
