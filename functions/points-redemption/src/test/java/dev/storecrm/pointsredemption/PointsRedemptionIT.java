package dev.storecrm.pointsredemption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.loyalty.LedgerEntry;
import dev.storecrm.localcloud.FreshLocalCloud;
import dev.storecrm.localcloud.FunctionUrlRequest;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.platform.dynamodb.LocalPointsStore;
import dev.storecrm.fixtures.events.EventBuilder;
import dev.storecrm.fixtures.events.Events;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The checkout's points redemption through its function URL (AuthType AWS_IAM, requests signed with
 * SigV4 as the checkout backend signs them), with points earned through the real member archive and
 * loyalty function: reserve, confirm and release by order id, each answered the same when repeated;
 * refusals with their reasons; redemptions racing on many threads never spending more than the
 * member has; a refund after a redemption giving the points back; unsigned callers refused.
 */
@ExtendWith(FreshLocalCloud.class)
class PointsRedemptionIT {

    private static final String URL = "PointsRedemptionFunction";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2027-03-10T03:00:00Z");

    private LocalCloud cloud;
    private LocalPointsStore store;

    @BeforeEach
    void reset(LocalCloud cloud) {
        this.cloud = cloud;
        this.store = LocalPointsStore.at(cloud, START);
    }

    @Test
    void theCheckoutSeesThePointsReservesThemAndSpendsThemOnce() {
        earn("c-1001", "o-5001", 100_000);
        JsonNode points = send("get-points.json", 200);
        assertEquals(1_000, points.get("balance").asLong());
        assertEquals(1_000, points.get("available").asLong());
        assertEquals("2028-03-31", points.get("expiring").get(0).get("lastDay").asText(), "earned in March 2027");

        Instant reservedAt = store.clock().instant();
        JsonNode reserved = send("reserve.json", 200);
        assertEquals("reserved", reserved.get("status").asText());
        assertEquals(500, reserved.get("points").asLong());
        assertEquals(500, reserved.get("available").asLong());
        assertEquals(reservedAt.plus(Duration.ofMinutes(30)).toString(), reserved.get("expiresAt").asText());
        assertEquals(reserved, send("reserve.json", 200),
                "a reservation repeated answers the same and holds nothing more");
        assertEquals(500, send("get-points.json", 200).get("reserved").asLong());

        JsonNode confirmed = send("confirm.json", 200);
        assertEquals("confirmed", confirmed.get("status").asText());
        assertEquals(confirmed.get("status"), send("confirm.json", 200).get("status"), "confirmed once");
        assertEquals("already_confirmed", send("release.json", 409).get("error").asText());
        JsonNode after = send("get-points.json", 200);
        assertEquals(500, after.get("balance").asLong());
        assertEquals(0, after.get("reserved").asLong());
        assertEquals(List.of("earned 1000", "redeemed -500"), entries("c-1001"));
    }

    @Test
    void aRequestThatCannotBeDoneIsRefusedWithItsReason() {
        earn("c-1", "o-1", 30_000);
        assertEquals("insufficient_points", post("c-1", "o-2", "", "{\"points\":301}", 409).get("error").asText());
        assertEquals(300, post("c-1", "o-2", "", "{\"points\":301}", 409).get("available").asLong());
        post("c-1", "o-2", "", "{\"points\":100}", 200);
        assertEquals("amount_differs", post("c-1", "o-2", "", "{\"points\":120}", 409).get("error").asText());
        assertEquals("not_found", post("c-1", "o-none", "/confirm", null, 404).get("error").asText());
        assertEquals("bad_request", post("c-1", "o-3", "", "{\"points\":0}", 400).get("error").asText());
        assertEquals("bad_request", post("c-1", "o-3", "", "{\"points\":5,\"cash\":1}", 400).get("error").asText());
        assertEquals("bad_request", post("c-1", "o-3", "", "[1]", 400).get("error").asText());
        assertEquals(405, call("DELETE", "/members/c-1/points", null).getStatusCode());
        assertEquals(404, call("GET", "/members/c-1/orders", null).getStatusCode());

        post("c-1", "o-4", "", "{\"points\":100}", 200);
        assertEquals("released", post("c-1", "o-4", "/release", null, 200).get("status").asText());
        assertEquals("released", post("c-1", "o-4", "/confirm", null, 409).get("error").asText());
        assertEquals("reserved", post("c-1", "o-4", "", "{\"points\":50}", 200).get("status").asText(),
                "the checkout may try again for the same order");

        store.clock().set(START.plus(Duration.ofMinutes(31)));
        assertEquals("reservation_expired", post("c-1", "o-2", "/confirm", null, 409).get("error").asText());
        assertEquals(300, get("/members/c-1/points").get("available").asLong(), "lapsed holds are free again");

        status("c-1", "frozen");
        assertEquals("member_not_active", post("c-1", "o-5", "", "{\"points\":10}", 409).get("error").asText());
        assertEquals("member_not_active", post("c-guest", "o-6", "", "{\"points\":10}", 409).get("error").asText());
    }

    @Test
    void redemptionsRacingOnSixteenThreadsNeverSpendMoreThanTheMemberHas() throws Exception {
        earn("c-race", "o-earn", 100_000);
        get("/members/c-race/points");
        int checkouts = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(checkouts);
        List<Future<Integer>> outcomes = new ArrayList<>();
        for (int i = 0; i < checkouts; i++) {
            String order = "o-race-" + i;
            outcomes.add(pool.submit(() -> {
                start.await();
                APIGatewayV2HTTPResponse reserved = retryingWhileBusy("/members/c-race/redemptions/" + order,
                        "{\"points\":150}");
                if (reserved.getStatusCode() != 200) {
                    return reserved.getStatusCode();
                }
                return retryingWhileBusy("/members/c-race/redemptions/" + order + "/confirm", null).getStatusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> outcome : outcomes) {
            statuses.add(outcome.get());
        }
        pool.shutdown();
        assertEquals(6, statuses.stream().filter(s -> s == 200).count(), "1,000 points pay for six redemptions of 150: "
                + statuses);
        assertEquals(10, statuses.stream().filter(s -> s == 409).count(), "the others are told there are too few: "
                + statuses);
        assertEquals(100, get("/members/c-race/points").get("balance").asLong());
        long running = 0;
        for (LedgerEntry entry : ordered("c-race")) {
            running += entry.points();
            assertEquals(running, entry.balanceAfter());
            assertTrue(running >= 0, "never below zero");
        }
        assertEquals(100, running, "the balance is the sum of the entries");
    }

    @Test
    void aRefundAfterARedemptionGivesThePointsBackInProportionThenInFull() {
        earn("c-2", "o-1", 100_000);
        post("c-2", "o-2", "", "{\"points\":400}", 200);
        post("c-2", "o-2", "/confirm", null, 200);
        paid("c-2", "o-2", 20_000);
        refunded("c-2", "o-2", 5_000);
        assertEquals(100, get("/members/c-2/redemptions/o-2").get("returned").asLong(),
                "a quarter refunded, a quarter back");
        cancelled("c-2", "o-2");
        assertEquals(400, get("/members/c-2/redemptions/o-2").get("returned").asLong());
        assertEquals(List.of("earned 1000", "redeemed -400", "earned 200", "reversed -50", "returned 100",
                "reversed -150", "returned 300"), entries("c-2"));
        assertEquals(1_000, get("/members/c-2/points").get("balance").asLong(), "as if o-2 had never been");

        post("c-2", "o-3", "", "{\"points\":100}", 200);
        cancelled("c-2", "o-3");
        assertEquals("released", get("/members/c-2/redemptions/o-3").get("status").asText(),
                "an order cancelled before its confirmation releases its reservation");
        assertEquals("released", post("c-2", "o-3", "/confirm", null, 409).get("error").asText());
    }

    @Test
    void pointsHeldAcrossTheirExpiryExpireAsSoonAsTheHoldIsReleased() {
        store.clock().set(Instant.parse("2027-03-27T15:00:00Z"));
        earn("c-3", "o-1", 50_000);
        store.clock().set(Instant.parse("2028-03-31T15:50:00Z"));
        post("c-3", "o-2", "", "{\"points\":500}", 200);
        store.functions().advanceTo("TimerSweepFunction", Instant.parse("2028-03-31T16:01:00Z"));
        assertEquals(500, get("/members/c-3/points").get("reserved").asLong(),
                "midnight in Shanghai: held, not expired");
        post("c-3", "o-2", "/release", null, 200);
        store.functions().advanceTo("TimerSweepFunction", Instant.parse("2028-03-31T16:12:00Z"));
        assertEquals(0, get("/members/c-3/points").get("balance").asLong());
        assertEquals(List.of("earned 500", "expired -500"), entries("c-3"));
    }

    @Test
    void aRequestWithoutAValidSignatureOrWithoutAnIamCallerIsRefusedBeforeAnythingIsRead() {
        earn("c-4", "o-1", 10_000);
        assertEquals(403, store.functions().invokeUrl(URL, "GET", "/members/c-4/points", "", Map.of(), null)
                .getStatusCode());
        APIGatewayV2HTTPResponse noCaller = store.functions().invokeUrlAsIfAuthTypeNone(URL, "POST",
                "/members/c-4/redemptions/o-2", "", Map.of("content-type", "application/json"), "{\"points\":10}");
        assertEquals(403, noCaller.getStatusCode());
        assertEquals(100, get("/members/c-4/points").get("available").asLong(), "nothing was held");
    }

    // ------------------------------------------------------------------ helpers

    /** Registers the member and pays an order: the archive prices it, the ledger credits it. */
    private void earn(String customerId, String orderId, long amount) {
        publish(Events.memberRegistered(customerId).at("2026-01-01T00:00:00Z").name("Sample " + customerId)
                .without("locale").withoutConsent().json());
        paid(customerId, orderId, amount);
    }

    private void paid(String customerId, String orderId, long amount) {
        publish(Events.orderPaid(customerId, orderId).id("pay-" + orderId).amount(amount));
    }

    private void refunded(String customerId, String orderId, long amount) {
        publish(Events.orderRefunded(customerId, orderId, "r-1").id("refund-" + orderId).amount(amount));
    }

    private void cancelled(String customerId, String orderId) {
        publish(Events.orderCancelled(customerId, orderId).id("cancel-" + orderId));
    }

    private void status(String customerId, String status) {
        publish(Events.memberUpdated(customerId).id("status-" + customerId + "-" + status).status(status));
    }

    /** Publishes the event as happening now, a second before the clock moves on to the next. */
    private void publish(EventBuilder<?> event) {
        publish(event.at(store.clock().instant()).json());
    }

    private void publish(String event) {
        store.clock().set(store.clock().instant().plusSeconds(1));
        cloud.eventBus().publish(event, "test", store.clock().instant());
        store.functions().drainAll();
    }

    private JsonNode send(String sample, int status) {
        APIGatewayV2HTTPResponse response = store.functions().invokeSignedUrl(URL,
                FunctionUrlRequest.sample("points-redemption/" + sample));
        return read(response, status);
    }

    private JsonNode get(String path) {
        return read(call("GET", path, null), 200);
    }

    private JsonNode post(String customerId, String orderId, String action, String body, int status) {
        return read(call("POST", "/members/" + customerId + "/redemptions/" + orderId + action, body), status);
    }

    private APIGatewayV2HTTPResponse call(String method, String path, String body) {
        return store.functions().invokeSignedUrl(URL, method, path, "",
                body == null ? Map.of() : Map.of("content-type", "application/json"), body);
    }

    /**
     * A checkout that honours 503 "busy" as its Retry-After asks, with the wait scaled down and jittered so that
     * sixteen racing checkouts spread out instead of colliding again; it gives up after 30 s, like a shopper would.
     */
    private APIGatewayV2HTTPResponse retryingWhileBusy(String path, String body) throws InterruptedException {
        long giveUpAt = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (int attempt = 0; ; attempt++) {
            APIGatewayV2HTTPResponse response = call("POST", path, body);
            if (response.getStatusCode() != 503 || System.nanoTime() > giveUpAt) {
                return response;
            }
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L << Math.min(attempt, 5)));
        }
    }

    private static JsonNode read(APIGatewayV2HTTPResponse response, int status) {
        assertEquals(status, response.getStatusCode(), response.getBody());
        try {
            return JSON.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<LedgerEntry> ordered(String customerId) {
        return store.book().entries(customerId, 100, OptionalLong.empty()).stream()
                .sorted(Comparator.comparingLong(LedgerEntry::sequence).thenComparingInt(LedgerEntry::index)).toList();
    }

    private List<String> entries(String customerId) {
        return ordered(customerId).stream().map(e -> e.kind().wire() + " " + e.points()).toList();
    }
}
