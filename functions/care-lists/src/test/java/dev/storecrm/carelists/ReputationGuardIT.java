package dev.storecrm.carelists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.domain.messaging.MessageRequest;
import dev.storecrm.domain.messaging.Recipient;
import dev.storecrm.domain.messaging.SendLedger;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.fixtures.events.SesEvents;
import dev.storecrm.localcloud.FreshLocalCloud;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.localcloud.LocalMetrics;
import dev.storecrm.localcloud.LocalStaffDoor;
import dev.storecrm.localcloud.SentMail;
import dev.storecrm.platform.dynamodb.DynamoDbSendLedger;
import dev.storecrm.platform.sqs.SqsMessageOutbox;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The reputation guard through the real functions: mail through SenderFunction and the SES emulator, whose Send and
 * Complaint events reach SesFeedbackFunction by the template's rule; the pause seen by the sender; the resume through
 * CareListsFunction behind the staff API. The minimum of sends in the window is 20 here (1000 by default).
 */
@ExtendWith(FreshLocalCloud.class)
class ReputationGuardIT {

    /** 12:00 in Shanghai: daytime, no quiet hours. */
    private static final Instant NOON_IN_SHANGHAI = Instant.parse("2026-11-23T04:00:00Z");
    private static final String COMPLAINER = "complaint@simulator.amazonses.com";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalCloud cloud;
    private SimulatedClock clock;
    private LocalFunctions functions;
    private SqsMessageOutbox outbox;
    private DynamoDbSendLedger ledger;

    @BeforeEach
    void reset(LocalCloud cloud) {
        LocalMetrics.reset();
        this.cloud = cloud;
        this.clock = new SimulatedClock(NOON_IN_SHANGHAI);
        this.functions = cloud.functions(clock, Map.of("REPUTATION_MIN_SENDS", "20"));
        this.outbox = new SqsMessageOutbox(cloud.sqs(), cloud.queueUrl("OutboxQueue"),
                cloud.queueUrl("OutboxPriorityQueue"));
        this.ledger = new DynamoDbSendLedger(cloud.dynamoDb(), cloud.tableName("SendLedgerTable"),
                Duration.ofDays(400));
    }

    @Test
    void aComplaintBurstPausesMarketingUntilAnAdminResumesItWhileTransactionalMailGoesOn() throws Exception {
        for (int i = 0; i < 20; i++) {
            member("c-" + i, "member." + i + "@example.com");
        }
        member("c-complains", COMPLAINER);
        functions.drainAll();
        for (int i = 0; i < 20; i++) {
            outbox.enqueue(news("NEWS#autumn#c-" + i, "c-" + i));
        }
        functions.drainAll();
        assertEquals(20, cloud.sentMail().size());
        // The SES emulator's Send events can reach the feedback queue after the sends' answers, on a busy machine
        // a second later: wait for them (at most 20 s), draining as they come.
        for (int waits = 0; waits < 200 && status().at("/window/sends").asLong() < 20; waits++) {
            Thread.sleep(100);
            functions.drainAll();
        }
        assertEquals(20, status().at("/window/sends").asLong(), "every Send event counted");
        assertFalse(status().get("paused").asBoolean(), "20 sends, no complaint");

        outbox.enqueue(news("NEWS#autumn#c-complains", "c-complains"));
        functions.drainAll();
        // the complaint, like the Send events, can come a moment after the send's answer
        for (int waits = 0; waits < 200 && !status().get("paused").asBoolean(); waits++) {
            Thread.sleep(100);
            functions.drainAll();
        }
        JsonNode paused = status();
        assertTrue(paused.get("paused").asBoolean(), "1 complaint in 21 sends is 4.8 %: " + paused);
        assertEquals("COMPLAINT_RATE", paused.at("/lastPause/reason").asText());
        assertEquals(21, paused.at("/lastPause/sends").asLong());
        assertEquals(1.0, LocalMetrics.totals().get("MessagesMarketingPaused"),
                "the metric MarketingPausedAlarm watches: " + LocalMetrics.totals());

        member("c-new", "new@example.com");
        functions.drainAll();
        outbox.enqueue(news("NEWS#winter#c-new", "c-new"));
        outbox.enqueue(news("NEWS#flash#c-new", "c-new").notAfter(clock.instant().plus(Duration.ofMinutes(10))));
        outbox.enqueue(MessageRequest.transactional("ORDER#o-1#follow-up", "order", new Recipient.Member("c-new"),
                "order-follow-up", Map.of("orderId", "o-1"), clock.instant()));
        functions.drainAll();
        assertEquals(List.of("How is your order o-1?"), subjects("new@example.com"),
                "transactional mail goes on; marketing waits");
        assertEquals("EXPIRED_WHILE_PAUSED", ledger.find("NEWS#flash#c-new", true).orElseThrow().reason(),
                "its deadline came before the guard's next look");
        advance(Duration.ofHours(2));
        assertEquals(1, cloud.sentMailTo("new@example.com").size(), "still paused two hours later: deferred, not sent");
        assertTrue(ledger.find("NEWS#winter#c-new", true).isEmpty(), "nor settled: it is waiting");

        LocalStaffDoor staff = LocalStaffDoor.open(cloud, functions, clock, Duration.ofHours(1));
        APIGatewayV2HTTPResponse byMarketer = staff.invoke("marketer", "POST", "/reputation/resume", "", "");
        assertEquals(403, byMarketer.getStatusCode(), "resuming is an admin's decision");
        APIGatewayV2HTTPResponse resumed = staff.invoke("admin", "POST", "/reputation/resume", "", "");
        assertEquals(200, resumed.getStatusCode(), resumed.getBody());
        JsonNode state = JSON.readTree(resumed.getBody());
        assertFalse(state.get("paused").asBoolean());
        assertEquals("console:admin", state.at("/lastResume/by").asText());
        assertEquals(clock.instant().toString(), state.at("/lastResume/at").asText());
        assertEquals(0, state.at("/window/complaints").asLong(), "counting starts again after the resume");
        assertEquals(409, staff.invoke("admin", "POST", "/reputation/resume", "", "").getStatusCode(),
                "not paused: nothing to resume");

        advance(Duration.ofMinutes(31));
        assertEquals(List.of("How is your order o-1?", "[AD] Autumn teas"), subjects("new@example.com"),
                "the deferred marketing mail goes at the guard's next look after the resume: within a quarter of "
                        + "the two hours' pause");
        assertEquals(SendLedger.Status.SENT, ledger.find("NEWS#winter#c-new", true).orElseThrow().status());
    }

    @Test
    void theAccountComplaintAlarmOnSesOwnMetricPausesMarketing() throws Exception {
        ObjectNode event = JSON.createObjectNode().put("version", "0").put("id", "alarm-1")
                .put("detail-type", "CloudWatch Alarm State Change").put("source", "aws.cloudwatch")
                .put("account", "000000000000").put("time", clock.instant().toString())
                .put("region", cloud.template().region());
        event.putArray("resources").add(cloud.template().arn("SesAccountComplaintRateAlarm"));
        event.putObject("detail").put("alarmName", cloud.template().physicalName("SesAccountComplaintRateAlarm"))
                .putObject("state").put("value", "ALARM").put("reason", "Threshold Crossed");
        assertEquals(List.of("SesFeedbackQueue"), cloud.eventBus().publish(event, "default"),
                "SesAccountAlarmRule routes the alarm's state change");
        functions.drainAll();
        JsonNode state = status();
        assertTrue(state.get("paused").asBoolean());
        assertEquals("ACCOUNT_COMPLAINT_RATE", state.at("/lastPause/reason").asText());
    }

    @Test
    void opensAndClicksAreCountedPerJourneyAndShownToTheStaff() throws Exception {
        for (String sample : List.of("email-opened.json", "email-opened.json", "email-clicked.json")) {
            assertEquals(List.of("SesFeedbackQueue"), cloud.eventBus().publish(SesEvents.of(sample)
                    .configurationSet(cloud.template().arn("SesConfigurationSet")).node(), "default"));
        }
        functions.drainAll();
        APIGatewayV2HTTPResponse response = functions.invokeSignedUrl("CareListsFunction", "GET", "/engagement",
                "from=2026-11-23&to=2026-11-23", Map.of(), null);
        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode body = JSON.readTree(response.getBody());
        assertEquals("off", body.get("tracking").asText(), "off by default: SES sends these only when it is on");
        assertEquals("news", body.at("/journeys/0/journey").asText());
        assertEquals(2, body.at("/journeys/0/opens").asLong());
        assertEquals(1, body.at("/journeys/0/clicks").asLong());
        assertEquals(400, functions.invokeSignedUrl("CareListsFunction", "GET", "/engagement",
                "from=2026-11-24&to=2026-11-23", Map.of(), null).getStatusCode());
    }

    private JsonNode status() throws Exception {
        APIGatewayV2HTTPResponse response = functions.invokeSignedUrl("CareListsFunction", "GET", "/reputation", "",
                Map.of(), null);
        assertEquals(200, response.getStatusCode(), response.getBody());
        return JSON.readTree(response.getBody());
    }

    private void member(String customerId, String email) {
        cloud.eventBus().publish(Events.memberRegistered(customerId).at("2026-11-01T00:00:00Z").email(email)
                .name("Member " + customerId).locale("en").timeZone("Asia/Shanghai").consent(true).json(), "test",
                clock.instant());
    }

    private MessageRequest news(String key, String customerId) {
        return MessageRequest.marketing(key, "news", customerId, "store-news", Map.of("headline", "Autumn teas",
                "message", "New arrivals", "link", "https://shop.example.com/new"), clock.instant());
    }

    /** Moves time on, runs the timer sweep as its schedule would and lets every queue drain. */
    private void advance(Duration duration) {
        functions.advanceTo("TimerSweepFunction", clock.instant().plus(duration));
    }

    private List<String> subjects(String address) {
        return cloud.sentMailTo(address).stream().map(SentMail::subject).toList();
    }
}
