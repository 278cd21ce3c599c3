package dev.storecrm.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.json.tree.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The go-live invariants judged on runs made up here: the mail of a run without the guard breaks
 * each of them, the same mail spread and held back as the guard does keeps them.
 */
class GoLiveCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant GO_LIVE = Instant.parse("2027-01-04T00:00:00Z");
    private static final Map<String, String> ENVIRONMENT = Map.of("GO_LIVE_RAMP_DAYS", "14",
            "WINBACK_STEP_DAYS", "60,90,180", "CART_SEQUENCE", "reminder=PT1H,coupon=PT24H");

    private final GroundTruth truth = new GroundTruth();
    private final List<Map<String, AttributeValue>> ledger = new ArrayList<>();
    private final List<Map<String, AttributeValue>> journal = new ArrayList<>();

    @Test
    void theMailOfARunWithoutTheGuardBreaksEveryGoLiveInvariant() throws Exception {
        importedPast();
        for (int n = 0; n < 300; n++) {
            winBack("c-" + n, GO_LIVE.minus(Duration.ofDays(100)), 2, GO_LIVE.plus(Duration.ofMinutes(5)));
        }
        winBack("c-twice", GO_LIVE.minus(Duration.ofDays(87)), 1, GO_LIVE.plusSeconds(60));
        winBack("c-twice", GO_LIVE.minus(Duration.ofDays(87)), 2, GO_LIVE.plus(Duration.ofDays(3)));
        mail("CART#cart-old#reminder", "cart", GO_LIVE.plusSeconds(119));
        mail("DISPUTE#d-old#ack", "disputes", GO_LIVE.plusSeconds(59));
        mail("DISPUTE#d-open#seller-response-20270103T0200Z#breach", "disputes", GO_LIVE.plusSeconds(59));
        everyDay(10);

        Map<String, List<String>> broken = judge();
        assertEquals(Set.of(GoLiveCheck.DISPUTE_PAST, GoLiveCheck.NO_BURST, GoLiveCheck.OLD_CARTS,
                GoLiveCheck.RAMP), broken.keySet(), broken.toString());
        assertTrue(broken.get(GoLiveCheck.NO_BURST).getFirst().startsWith("314 e-mails on the import day"),
                broken.toString());
        assertTrue(broken.get(GoLiveCheck.RAMP).contains("c-twice 2026-10-09T00:00:00Z: 2 steps within the ramp"),
                broken.toString());
        assertTrue(broken.get(GoLiveCheck.RAMP).stream().anyMatch(v -> v.startsWith("day 0 of the ramp sent 301")),
                broken.toString());
        assertEquals(2, broken.get(GoLiveCheck.DISPUTE_PAST).size(), "the acknowledgement, the breach before go-live");
    }

    @Test
    void theSameMailSpreadOverTheRampAndHeldBackKeepsThem() throws Exception {
        importedPast();
        for (int n = 0; n < 300; n++) {
            Instant slot = GO_LIVE.plus(Duration.ofMinutes(n * 14L * 24 * 60 / 300 + 7));
            winBack("c-" + n, GO_LIVE.minus(Duration.ofDays(100)), 2, slot);
        }
        winBack("c-once", GO_LIVE.minus(Duration.ofDays(87)), 2, GO_LIVE.plus(Duration.ofDays(3)));
        winBack("c-once", GO_LIVE.minus(Duration.ofDays(87)), 3, GO_LIVE.plus(Duration.ofDays(93)));
        mail("DISPUTE#d-open#seller-response-20270105T0200Z#breach", "disputes", GO_LIVE.plus(Duration.ofDays(1)));
        everyDay(10);

        assertEquals(Map.of(), judge());
    }

    private Map<String, List<String>> judge() {
        Invariants invariants = new Invariants();
        StoreSimulation.Outcome outcome = new StoreSimulation.Outcome(GO_LIVE, GO_LIVE.plus(Duration.ofDays(30)), 0, 0,
                0, 0, List.of(), 0, Map.of(), Map.of(), List.of(), List.of(), truth, 0);
        new GoLiveCheck(outcome, ledger, journal, ENVIRONMENT).judge(invariants);
        for (String invariant : List.of(GoLiveCheck.NO_BURST, GoLiveCheck.RAMP, GoLiveCheck.OLD_CARTS,
                GoLiveCheck.DISPUTE_PAST)) {
            assertTrue(invariants.checked().stream().anyMatch(c -> c.invariant().equals(invariant) && c.cases() > 0),
                    invariant + " was put to the test: " + invariants.checked());
        }
        return invariants.violations().stream().collect(Collectors.groupingBy(Invariants.Violation::invariant,
                TreeMap::new, Collectors.mapping(Invariants.Violation::detail, Collectors.toList())));
    }

    /** A cart left three days before go-live, a dispute closed long before, one opened two days before. */
    private void importedPast() throws Exception {
        publish("CartUpdated", GO_LIVE.minus(Duration.ofDays(3)), """
                {"cartId":"cart-old","customerId":"c-0"}""");
        publish("DisputeOpened", GO_LIVE.minus(Duration.ofDays(100)), """
                {"disputeId":"d-old","customerId":"c-1"}""");
        publish("DisputeUpdated", GO_LIVE.minus(Duration.ofDays(90)), """
                {"disputeId":"d-old","status":"resolved"}""");
        publish("DisputeOpened", GO_LIVE.minus(Duration.ofDays(2)), """
                {"disputeId":"d-open","customerId":"c-2"}""");
    }

    private void publish(String type, Instant occurredAt, String body) throws Exception {
        truth.published(JSON.readTree("{\"type\":\"" + type + "\",\"occurredAt\":\"" + occurredAt + "\",\"body\":"
                + body + "}"), GO_LIVE);
    }

    /** A win-back step entered (the journal) and its mail sent (the ledger). */
    private void winBack(String customerId, Instant episode, int step, Instant at) {
        String key = "WINBACK#" + customerId + "#" + episode.toString().substring(0, 10) + "#" + step;
        journal.add(Map.of("customerId", AttributeValue.fromS(customerId), "episode", AttributeValue.fromS(
                episode.toString()), "step", AttributeValue.fromN(Integer.toString(step)), "enteredAt",
                AttributeValue.fromS(at.toString()), "messageKey", AttributeValue.fromS(key)));
        mail(key, "win-back", at);
    }

    private void mail(String businessKey, String journey, Instant settledAt) {
        Map<String, AttributeValue> entry = new HashMap<>();
        entry.put("businessKey", AttributeValue.fromS(businessKey));
        entry.put("journey", AttributeValue.fromS(journey));
        entry.put("status", AttributeValue.fromS("SENT"));
        entry.put("settledAt", AttributeValue.fromS(settledAt.toString()));
        ledger.add(entry);
    }

    /** The run's everyday mail: {@code perDay} greetings on each of its thirty days. */
    private void everyDay(int perDay) {
        for (int day = 0; day < 30; day++) {
            for (int n = 0; n < perDay; n++) {
                mail("BIRTHDAY#c-day" + day + "-" + n + "#2027", "birthday",
                        GO_LIVE.plus(Duration.ofDays(day)).plus(Duration.ofHours(1 + n)));
            }
        }
    }
}
