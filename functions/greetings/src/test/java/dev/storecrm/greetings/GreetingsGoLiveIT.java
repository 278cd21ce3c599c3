package dev.storecrm.greetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.fixtures.events.Events;
import dev.storecrm.localcloud.LocalStore;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The go-live guard on greetings, through the real member archive, greeting run and sender: the
 * stack is deployed and the store's members imported on 10 June, the store goes live on 20 June
 * ({@code GoLiveAt} a date: its start in the store's time zone). A wedding anniversary on 15 June
 * falls before go-live: no greeting and no gift coupon. A birthday on 25 June is greeted with its gift.
 */
class GreetingsGoLiveIT {

    private static final Instant DEPLOYED = Instant.parse("2026-06-10T00:00:00Z");
    private static final Instant END = Instant.parse("2026-06-27T00:00:00Z");

    @RegisterExtension
    final LocalStore local = LocalStore.at(DEPLOYED).with(Map.of("GO_LIVE_AT", "2026-06-20", "GREETING_SHARDS", "1"));

    @Test
    void anAnniversaryBeforeGoLiveSendsNothingAndABirthdayAfterItIsGreeted() {
        local.cloud().eventBus().publish(Events.memberRegistered("c-imported").at("2024-01-10T00:00:00Z")
                .name("Imported member").email("imported@example.com").birthday("1990-06-25")
                .anniversary("wedding", "2015-06-15").consent(true, "2024-01-10T00:00:00Z", "import").json(),
                "import", local.clock().instant());
        local.functions().drainAll();
        for (Instant hour = DEPLOYED; hour.isBefore(END); hour = hour.plus(Duration.ofHours(1))) {
            local.clock().set(hour);
            local.functions().invoke("GreetingsFunction", new HashMap<String, Object>());
            local.functions().drainAll();
        }

        TreeSet<String> sent = new TreeSet<>();
        local.cloud().dynamoDb().scan(s -> s.tableName(local.cloud().tableName("SendLedgerTable"))).items().stream()
                .filter(entry -> "SENT".equals(entry.get("status").s()))
                .forEach(entry -> sent.add(entry.get("businessKey").s()));
        assertEquals(new TreeSet<>(List.of("BIRTHDAY#c-imported#2026")), sent,
                "the birthday after go-live, not the wedding anniversary before it");
        List<String> coupons = local.cloud().dynamoDb().scan(s -> s.tableName(local.cloud()
                .tableName("CouponsTable"))).items().stream()
                .map(coupon -> coupon.get("campaign").s()).toList();
        assertEquals(List.of("birthday"), coupons, "no anniversary coupon for an anniversary before go-live");
        assertTrue(local.cloud().sentMail().getFirst().html().contains("BIRT-"),
                "the birthday greeting carries its gift");
        Map<String, AttributeValue> wedding = local.cloud().dynamoDb().scan(s -> s.tableName(local.cloud()
                .tableName("OccasionsTable")))
                .items().stream().filter(item -> item.containsKey("kind") && "wedding".equals(item.get("kind").s()))
                .findFirst().orElseThrow();
        assertEquals("2027-06-15", wedding.get("localDate").s(), "the anniversary waits for next year's greeting");
    }
}
