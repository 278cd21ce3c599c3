package dev.storecrm.lift;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storecrm.domain.coupon.CouponBook;
import dev.storecrm.domain.coupon.CouponCodes;
import dev.storecrm.domain.coupon.CouponValue;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.messaging.MessageRequest;
import dev.storecrm.domain.messaging.MessageRequestJson;
import dev.storecrm.domain.messaging.Recipient;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalCloudExtension;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.platform.dynamodb.DynamoDbCouponBook;
import dev.storecrm.platform.dynamodb.DynamoDbCouponOutcomes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The lift report fed end to end through the real functions (local cloud, IAM enforced): the sender settles a
 * win-back step's messages to treated and held-out members (the sender's Settlements write the assignments), the
 * store bus brings orders paid, a refund, a duplicated payment, a payment in another currency, and orders placed with
 * the journey's coupons, to LiftFunction, and CareListsFunction's {@code GET /lift} shows the figures worked out by
 * hand.
 */
@ExtendWith(LocalCloudExtension.class)
class LiftIT {

    /** Tuesday 1 December 2026, 10:00 in Shanghai: outside the quiet hours, in 2026-W49. */
    private static final Instant SENT = Instant.parse("2026-12-01T02:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalCloud cloud;
    private SimulatedClock clock;
    private LocalFunctions functions;

    @BeforeEach
    void reset(LocalCloud cloud) {
        cloud.reset();
        this.cloud = cloud;
        this.clock = new SimulatedClock(SENT);
        this.functions = cloud.functions(clock);
    }

    @AfterEach
    void nothingLost() {
        for (String queue : List.of("LiftDeadLetterQueue", "OutboxDeadLetterQueue", "MemberArchiveDeadLetterQueue")) {
            assertEquals(0, cloud.queueDepth(queue), queue);
        }
    }

    @Test
    void theReportCountsEachArmsConvertersAndNetRevenueInTheWindowOnceWhateverTheDuplicates() throws Exception {
        for (int i = 1; i <= 5; i++) {
            publish(Events.memberRegistered("c-" + i).at("2026-11-01T00:00:00Z").email("c-" + i + "@example.com")
                    .name("Ann").locale("en").timeZone("Asia/Shanghai").consent(i != 5).json());
        }
        functions.drainAll();
        // The journey's step 1: c-1 and c-2 get it, c-5 would but has no consent (skipped, still treated), c-3 and
        // c-4 are held out; a transactional mail to c-2 is no assignment.
        for (int i = 1; i <= 5; i++) {
            MessageRequest step = MessageRequest.marketing("WINBACK#c-" + i + "#1#1", "win-back", "c-" + i,
                    "store-news", Map.of("headline", "We miss you", "message", "New teas",
                            "link", "https://shop.example.com/new"), SENT);
            outbox(i == 3 || i == 4 ? step.heldOutOf() : step);
        }
        outbox(MessageRequest.transactional("ORDER#o-0#follow-up", "order", new Recipient.Member("c-2"),
                "order-follow-up", Map.of("orderId", "o-0"), SENT));
        functions.drainAll();
        assertEquals(3, cloud.sentMail().size(), "c-1 and c-2 got the step, c-2 the follow-up");

        String paidByFirst = Events.orderPaid("c-1", "o-1").id("e-paid-1").amount(10_000).at(SENT.plus(days(1)))
                .json();
        publish(paidByFirst);
        publish(paidByFirst);
        publish(Events.orderPaid("c-1", "o-1").id("e-paid-1-again").amount(10_000).at(SENT.plus(days(1))).json());
        publish(Events.orderRefunded("c-1", "o-1", "r-1").amount(2_000).at(SENT.plus(days(2))).json());
        publish(Events.orderPaid("c-3", "o-3").amount(5_000).at(SENT.plus(days(1))).json());
        publish(Events.orderPaid("c-5", "o-5").amount(4_000).at(SENT.plus(days(3))).json());
        publish(Events.orderPaid("c-2", "o-2").amount(3_000).at(SENT.plus(days(9))).json());
        publish(Events.orderPaid("c-4", "o-4").amount(7_000).currency("USD").at(SENT.plus(days(1))).json());
        clock.set(SENT.plus(days(10)));
        functions.drainAll();

        Map<String, String> line = single(report());
        assertEquals(List.of("win-back", "1", "-", "2026-W49", "5", "2", "1", "2", "2", "1", "12000", "5000", "0.14"),
                List.of(line.get("journey"), line.get("step"), line.get("variant"), line.get("period"),
                        line.get("eligible"), line.get("sent"), line.get("skipped"), line.get("heldOut"),
                        line.get("treatedConverters"), line.get("heldOutConverters"), line.get("treatedRevenue"),
                        line.get("heldOutRevenue"), line.get("sendCost")),
                "treated c-1 (10000 paid once, less the 2000 refund) and c-5 (4000, skipped but treated); held out "
                        + "c-3 (5000); c-2's order came after the 7 days, c-4's in dollars was refused; 2 mails");
        assertEquals("0.50", line.get("incrementalConversions"), "(2/3 - 1/2) x 3 treated");
        assertEquals("4500.00", line.get("incrementalRevenue"), "(12000/3 - 5000/2) x 3 treated");
        assertEquals("9641.86", line.get("roi"), "(4500 x 0.3 - 0.14) / 0.14");
        assertEquals(List.of("WRONG_CURRENCY"), rejectsOf("lift"), "the dollars are kept with their reason");
    }

    @Test
    void aJourneysRedeemedCouponsCostTheirDiscountsInItsLineOnceWhateverTheDuplicatesAndOrder() throws Exception {
        for (int i = 1; i <= 4; i++) {
            publish(Events.memberRegistered("c-" + i).at("2026-11-01T00:00:00Z").email("c-" + i + "@example.com")
                    .name("Ann").locale("en").timeZone("Asia/Shanghai").json());
        }
        functions.drainAll();
        // The win-back step with its coupon, as the journey issues it: c-1 (20.00 off) and c-2 (10 %) get it,
        // c-3 and c-4 are held out and get none.
        Map<String, String> codes = new LinkedHashMap<>();
        for (int i = 1; i <= 4; i++) {
            String key = "WINBACK#c-" + i + "#1#1";
            MessageRequest step = MessageRequest.marketing(key, "win-back", "c-" + i, "store-news",
                    Map.of("headline", "We miss you", "message", "A gift", "link", "https://shop.example.com/new"),
                    SENT);
            if (i <= 2) {
                codes.put("c-" + i, coupons().issue(new CouponBook.Issue(key, "win-back", "c-" + i,
                        CouponValue.parse(i == 1 ? "CNY:2000" : "10%"), SENT, SENT.plus(days(14)))).code());
            }
            outbox(i <= 2 ? step : step.heldOutOf());
        }
        functions.drainAll();

        clock.set(SENT.plus(days(4)));
        // c-1: the payment before the order placed, the order placed three times (twice one event, once re-sent
        // under another id), then cancelled: the coupon stays spent. c-2: 10 % of 8000; another order of c-2's
        // carries the used code again and costs nothing. c-3, held out, orders without a coupon.
        publish(Events.orderPaid("c-1", "o-1").amount(15_000).at(SENT.plus(days(1))).json());
        String placed = Events.orderPlaced("c-1", "o-1").id("e-placed-1").total(15_000).couponCodes(codes.get("c-1"))
                .at(SENT.plus(days(1)).minusSeconds(60)).json();
        publish(placed);
        publish(placed);
        publish(Events.orderPlaced("c-1", "o-1").id("e-placed-1-again").total(15_000).couponCodes(codes.get("c-1"))
                .at(SENT.plus(days(1)).minusSeconds(60)).json());
        publish(Events.orderCancelled("c-1", "o-1").at(SENT.plus(days(2))).json());
        publish(Events.orderPlaced("c-2", "o-2").total(8_000).couponCodes(codes.get("c-2"), "STORE-OWN-10")
                .at(SENT.plus(days(1))).json());
        publish(Events.orderPaid("c-2", "o-2").amount(8_000).at(SENT.plus(days(1))).json());
        functions.drainAll();
        publish(Events.orderPlaced("c-2", "o-3").total(50_000).couponCodes(codes.get("c-2"))
                .at(SENT.plus(days(3))).json());
        publish(Events.orderPaid("c-3", "o-4").amount(5_000).at(SENT.plus(days(1))).json());
        clock.set(SENT.plus(days(10)));
        functions.drainAll();

        Map<String, String> line = single(report());
        assertEquals(List.of("4", "2", "2", "2", "1", "23000", "5000", "2800", "0.14"),
                List.of(line.get("eligible"), line.get("sent"), line.get("heldOut"), line.get("treatedConverters"),
                        line.get("heldOutConverters"), line.get("treatedRevenue"), line.get("heldOutRevenue"),
                        line.get("couponCost"), line.get("sendCost")),
                "c-1's 2000 once whatever the duplicates and the cancellation, and 10 % of c-2's 8000; the store's "
                        + "own code and the second order with c-2's used code cost nothing");
        assertEquals("18000.00", line.get("incrementalRevenue"), "(23000/2 - 5000/2) x 2 treated");
        assertEquals("0.93", line.get("roi"), "(18000 x 0.3 - 2800.14) / 2800.14");
    }

    private DynamoDbCouponBook coupons() {
        return new DynamoDbCouponBook(cloud.dynamoDb(), cloud.tableName("CouponsTable"), new CouponCodes(
                "a-test-key-of-at-least-thirty-two-bytes".getBytes(StandardCharsets.UTF_8)),
                new DynamoDbCouponOutcomes(cloud.dynamoDb(), cloud.tableName("ReputationTable"),
                        ZoneId.of("Asia/Shanghai")));
    }

    private static Duration days(int n) {
        return Duration.ofDays(n);
    }

    private void publish(String json) {
        cloud.eventBus().publish(json, "test", clock.instant());
    }

    private void outbox(MessageRequest request) {
        cloud.sqs().sendMessage(m -> m.queueUrl(cloud.queueUrl("OutboxQueue"))
                .messageBody(MessageRequestJson.write(request)));
    }

    private List<Map<String, String>> report() throws Exception {
        APIGatewayV2HTTPResponse response = functions.invokeSignedUrl("CareListsFunction", "GET", "/lift",
                "from=2026-W49&to=2026-W49&format=json", Map.of(), null);
        assertEquals(200, response.getStatusCode(), response.getBody());
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode row : JSON.readTree(response.getBody()).get("rows")) {
            Map<String, String> cells = new LinkedHashMap<>();
            row.fields().forEachRemaining(f -> cells.put(f.getKey(), f.getValue().asText()));
            rows.add(cells);
        }
        return rows;
    }

    private static Map<String, String> single(List<Map<String, String>> rows) {
        assertEquals(1, rows.size(), rows.toString());
        return rows.getFirst();
    }

    private List<String> rejectsOf(String consumer) {
        return cloud.dynamoDb().scan(s -> s.tableName(cloud.tableName("RejectsTable"))).items().stream()
                .filter(item -> consumer.equals(item.getOrDefault("consumer", AttributeValue.fromS("")).s()))
                .map(item -> item.get("reason").s()).toList();
    }
}
