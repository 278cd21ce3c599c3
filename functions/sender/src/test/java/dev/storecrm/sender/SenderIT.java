package dev.storecrm.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.messaging.ExitCondition;
import dev.storecrm.domain.messaging.MessageRequest;
import dev.storecrm.domain.messaging.MessageRequestJson;
import dev.storecrm.domain.messaging.Recipient;
import dev.storecrm.domain.messaging.SendLedger;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.fixtures.events.SesEvents;
import dev.storecrm.fixtures.triggers.ScheduledEvents;
import dev.storecrm.fixtures.triggers.SqsBatch;
import dev.storecrm.localcloud.FunctionUrlRequest;
import dev.storecrm.localcloud.FreshLocalCloud;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.localcloud.SentMail;
import dev.storecrm.platform.dynamodb.DynamoDbSendLedger;
import dev.storecrm.platform.sqs.SqsMessageOutbox;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The messaging pipeline end to end in the local cloud: requests on the outbox queue, the real
 * SenderFunction, timers swept by the real TimerSweepFunction, the SES emulator's received mail,
 * SES events into SesFeedbackFunction, and UnsubscribeFunction called through its function URL.
 */
@ExtendWith(FreshLocalCloud.class)
class SenderIT {

    /** 12:00 in Shanghai, 20:00 (the day before) in Los Angeles: daytime for both. */
    private static final Instant NOON_IN_SHANGHAI = Instant.parse("2026-11-23T04:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalCloud cloud;
    private SimulatedClock clock;
    private LocalFunctions functions;
    private SqsMessageOutbox outbox;
    private DynamoDbSendLedger ledger;

    @BeforeEach
    void reset(LocalCloud cloud) {
        this.cloud = cloud;
        this.clock = new SimulatedClock(NOON_IN_SHANGHAI);
        this.functions = cloud.functions(clock);
        this.outbox = new SqsMessageOutbox(cloud.sqs(), cloud.queueUrl("OutboxQueue"),
                cloud.queueUrl("OutboxPriorityQueue"));
        this.ledger = new DynamoDbSendLedger(cloud.dynamoDb(), cloud.tableName("SendLedgerTable"),
                Duration.ofDays(400));
    }

    // ------------------------------------------------------------------ exactly once

    @Test
    void aDuplicateRequestSendsOneMail() {
        member("c-dup", "dup@example.com", "Ann", "en", "Asia/Shanghai", true);
        MessageRequest request = transactional("ORDER#o-1#follow-up", "c-dup", "o-1");
        outbox.enqueue(request);
        outbox.enqueue(request);
        functions.drainAll();
        outbox.enqueue(request);
        functions.drainAll();
        assertEquals(1, cloud.sentMailTo("dup@example.com").size());
        assertEquals(SendLedger.Status.SENT, ledger.find(request.businessKey(), true).orElseThrow().status());
    }

    @Test
    void twoConcurrentCopiesSendOneMail() throws Exception {
        member("c-race", "race@example.com", "Ann", "en", "Asia/Shanghai", true);
        functions.drainAll();
        String body = MessageRequestJson.write(transactional("ORDER#o-2#follow-up", "c-race", "o-2"));
        functions.handler("SenderFunction");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Object>> copies = new ArrayList<>();
        for (int copy = 0; copy < 2; copy++) {
            SQSEvent event = SqsBatch.single("copy-" + copy, body);
            copies.add(pool.submit(() -> {
                start.await();
                return functions.invoke("SenderFunction", event);
            }));
        }
        start.countDown();
        for (Future<Object> copy : copies) {
            assertTrue(((SQSBatchResponse) copy.get()).getBatchItemFailures().isEmpty());
        }
        pool.shutdown();
        functions.drainAll();
        advance(Duration.ofMinutes(5));
        assertEquals(1, cloud.sentMailTo("race@example.com").size(),
                "one of the two copies sent, the other found the key taken");
    }

    @Test
    void aSendEventFromSesClosesTheCrashWindowAndAnExpiredClaimIsRetried() throws Exception {
        member("c-crash", "crash@example.com", "Ann", "en", "Asia/Shanghai", true);
        functions.drainAll();
        SendLedger.Facts facts = new SendLedger.Facts("order", dev.storecrm.domain.messaging.Category.transactional,
                "order-follow-up", Optional.of("c-crash"));
        // A sender crashed after SES accepted this one; SES's Send event arrives and settles it.
        ledger.claim("ORDER#o-3#follow-up", "crashed-sender", clock.instant().minus(Duration.ofMinutes(10)),
                Duration.ofMinutes(2), facts);
        publishSesEvent("email-sent.json", "ORDER#o-3#follow-up");
        functions.drainAll();
        assertEquals(SendLedger.Status.SENT, ledger.find("ORDER#o-3#follow-up", true).orElseThrow().status());
        outbox.enqueue(transactional("ORDER#o-3#follow-up", "c-crash", "o-3"));
        functions.drainAll();
        assertEquals(0, cloud.sentMailTo("crash@example.com").size(), "settled by SES's event: not sent again");

        // A sender crashed before SES accepted that one: no event ever comes; after the lease it is retried.
        ledger.claim("ORDER#o-4#follow-up", "crashed-sender", clock.instant().minus(Duration.ofMinutes(10)),
                Duration.ofMinutes(2), facts);
        outbox.enqueue(transactional("ORDER#o-4#follow-up", "c-crash", "o-4"));
        functions.drainAll();
        assertEquals(1, cloud.sentMailTo("crash@example.com").size());
    }

    // ------------------------------------------------------------------ caps and quiet hours

    @Test
    void aCappedMarketingMailWaitsForTheWindowWhileTransactionalGoesAtOnce() {
        // Los Angeles: 20:00 now, 12:00 when the 16-hour window ends, so quiet hours stay out of the way.
        member("c-cap", "cap@example.com", "Ann", "en", "America/Los_Angeles", true);
        outbox.enqueue(news("NEWS#spring#c-cap", "c-cap", "Spring teas"));
        functions.drainAll();
        outbox.enqueue(news("NEWS#autumn#c-cap", "c-cap", "Autumn teas"));
        outbox.enqueue(transactional("ORDER#o-5#follow-up", "c-cap", "o-5"));
        functions.drainAll();
        assertEquals(List.of("[AD] Spring teas", "How is your order o-5?"), subjects("cap@example.com"));

        advance(Duration.ofHours(15).plusMinutes(59));
        assertEquals(2, cloud.sentMailTo("cap@example.com").size(), "still inside the 16-hour window");
        advance(Duration.ofMinutes(3));
        assertEquals(List.of("[AD] Spring teas", "How is your order o-5?", "[AD] Autumn teas"),
                subjects("cap@example.com"));
        Instant sent = ledger.find("NEWS#autumn#c-cap", true).orElseThrow().settledAt();
        assertTrue(!sent.isBefore(NOON_IN_SHANGHAI.plus(Duration.ofHours(16))), "not before the window ends: " + sent);
        assertTrue(sent.isBefore(NOON_IN_SHANGHAI.plus(Duration.ofHours(16)).plus(Duration.ofMinutes(3))),
                "and soon after");
    }

    @Test
    void twoGreetingsRacingForOneSlotInParallelBatchesSendOneAndTheOtherExpiresUnderTheCap() throws Exception {
        member("c-twice", "twice@example.com", "Ann", "en", "Asia/Shanghai", true);
        functions.drainAll();
        List<String> keys = List.of("BIRTHDAY#c-twice#2026", "ANNIVERSARY#wedding#c-twice#2026");
        functions.handler("SenderFunction");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> batches = new ArrayList<>();
        for (String key : keys) {
            SQSEvent event = SqsBatch.single(key, MessageRequestJson.write(greeting(key, "c-twice")));
            batches.add(pool.submit(() -> {
                start.await();
                return functions.invoke("SenderFunction", event);
            }));
        }
        start.countDown();
        for (Future<Object> batch : batches) {
            assertTrue(((SQSBatchResponse) batch.get()).getBatchItemFailures().isEmpty());
        }
        pool.shutdown();
        functions.drainAll();
        assertEquals(1, cloud.sentMailTo("twice@example.com").size(), "one slot, one marketing e-mail");
        List<String> reasons = keys.stream().map(key -> ledger.find(key, true).orElseThrow())
                .map(entry -> entry.status() == SendLedger.Status.SENT ? "SENT" : entry.reason()).sorted().toList();
        assertEquals(List.of("EXPIRED_UNDER_CAP", "SENT"), reasons);
    }

    @Test
    void aGreetingTakesTheSlotFromNewsThatWentFirstAndLaterNewsWaitsForIt() {
        member("c-slot", "slot@example.com", "Ann", "en", "Asia/Shanghai", true);
        outbox.enqueue(news("NEWS#winter#c-slot", "c-slot", "Winter teas"));
        functions.drainAll();
        outbox.enqueue(greeting("BIRTHDAY#c-slot#2026", "c-slot"));
        outbox.enqueue(news("NEWS#spring#c-slot", "c-slot", "Spring teas"));
        functions.drainAll();
        assertEquals(List.of("[AD] Winter teas", "[AD] Happy birthday"), subjects("slot@example.com"),
                "the greeting would miss its day behind the news: it takes the slot; the later news waits");
        advance(Duration.ofHours(16).plusMinutes(2));
        assertEquals(2, cloud.sentMailTo("slot@example.com").size(),
                "the greeting's window is over at 04:00, in the quiet hours");
        advance(Duration.ofHours(5));
        assertEquals(List.of("[AD] Winter teas", "[AD] Happy birthday", "[AD] Spring teas"),
                subjects("slot@example.com"), "at 09:00 the next morning");
    }

    @Test
    void marketingFollowsTheContactPreferenceAndServiceMailGoesWhateverItIs() {
        for (String preference : List.of("email", "sms", "none")) {
            publish(Events.memberRegistered("c-" + preference).at("2026-11-01T00:00:00Z")
                    .email(preference + "@example.com").timeZone("America/Los_Angeles").contactPreference(preference)
                    .json());
        }
        functions.drainAll();
        for (String preference : List.of("email", "sms", "none")) {
            outbox.enqueue(news("NEWS#prefs#c-" + preference, "c-" + preference, "Winter teas"));
            outbox.enqueue(transactional("ORDER#o-" + preference + "#follow-up", "c-" + preference, "o-" + preference));
        }
        functions.drainAll();
        assertEquals(List.of("How is your order o-email?", "[AD] Winter teas"),
                subjects("email@example.com").stream().sorted().toList());
        assertEquals(List.of("How is your order o-sms?"), subjects("sms@example.com"),
                "a member who prefers SMS gets no marketing e-mail (and without a number, no SMS either)");
        assertEquals(List.of("How is your order o-none?"), subjects("none@example.com"));
        assertEquals("NO_PHONE_NUMBER", ledger.find("NEWS#prefs#c-sms", true).orElseThrow().reason());
        assertEquals("PREFERS_NO_CONTACT", ledger.find("NEWS#prefs#c-none", true).orElseThrow().reason());
    }

    @Test
    void marketingWaitsForTheEndOfQuietHoursInEachRecipientsTimeZone() {
        clock.set(Instant.parse("2026-11-23T14:30:00Z")); // 22:30 in Shanghai, 06:30 in Los Angeles
        member("c-sh", "shanghai@example.com", "王", "zh-CN", "Asia/Shanghai", true);
        member("c-la", "la@example.com", "Ann", "en", "America/Los_Angeles", true);
        outbox.enqueue(news("NEWS#quiet#c-sh", "c-sh", "春茶上新"));
        outbox.enqueue(news("NEWS#quiet#c-la", "c-la", "Spring teas"));
        functions.drainAll();
        assertEquals(0, cloud.sentMail().size(), "both recipients are in their night");

        advanceTo(Instant.parse("2026-11-23T17:01:00Z"));
        assertEquals(1, cloud.sentMailTo("la@example.com").size(), "09:00 in Los Angeles");
        assertEquals(0, cloud.sentMailTo("shanghai@example.com").size(), "01:01 in Shanghai");
        advanceTo(Instant.parse("2026-11-24T01:01:00Z"));
        assertEquals(1, cloud.sentMailTo("shanghai@example.com").size(), "09:00 in Shanghai");

        assertLocalTime("NEWS#quiet#c-la", "America/Los_Angeles");
        assertLocalTime("NEWS#quiet#c-sh", "Asia/Shanghai");
    }

    // ------------------------------------------------------------------ consent, suppression, disputes, exits

    @Test
    void oneClickUnsubscribeStopsMarketingAtOnceButNotTransactionalMail() throws Exception {
        member("c-unsub", "unsub@example.com", "Ann", "en", "Asia/Shanghai", true);
        outbox.enqueue(news("NEWS#1#c-unsub", "c-unsub", "Spring teas"));
        functions.drainAll();
        SentMail first = cloud.sentMailTo("unsub@example.com").getFirst();
        String link = first.headers().get("List-Unsubscribe");
        assertEquals("List-Unsubscribe=One-Click", first.headers().get("List-Unsubscribe-Post"));
        assertTrue(link.startsWith("<https://unsubscribefunction.lambda-url.us-east-1.on.aws/?token="), link);

        APIGatewayV2HTTPResponse response = functions.invokeUrl("UnsubscribeFunction",
                FunctionUrlRequest.sample("unsubscribe/one-click-post.json").withQuery(query(link)));
        assertEquals(200, response.getStatusCode());
        functions.drainAll();

        advance(Duration.ofHours(17));
        outbox.enqueue(news("NEWS#2#c-unsub", "c-unsub", "Autumn teas"));
        outbox.enqueue(transactional("ORDER#o-6#follow-up", "c-unsub", "o-6"));
        functions.drainAll();
        assertEquals(List.of("[AD] Spring teas", "How is your order o-6?"), subjects("unsub@example.com"));
        assertEquals("UNSUBSCRIBED", ledger.find("NEWS#2#c-unsub", true).orElseThrow().reason());
        Map<String, AttributeValue> member = cloud.dynamoDb().getItem(g -> g.tableName(cloud.tableName("MembersTable"))
                .key(Map.of("customerId", AttributeValue.fromS("c-unsub")))).item();
        assertFalse(member.get("consent").m().get("granted").bool(), "the archive learned of the withdrawn consent");
        assertEquals("one-click-unsubscribe", member.get("consent").m().get("source").s());
    }

    @Test
    void getShowsAConfirmationPageAndChangesNothing() {
        member("c-get", "get@example.com", "Ann", "en", "America/Los_Angeles", true);
        outbox.enqueue(news("NEWS#1#c-get", "c-get", "Spring teas"));
        functions.drainAll();
        String link = cloud.sentMailTo("get@example.com").getFirst().headers().get("List-Unsubscribe");
        APIGatewayV2HTTPResponse page = functions.invokeUrl("UnsubscribeFunction",
                FunctionUrlRequest.sample("unsubscribe/confirmation-page-zh.json").withQuery(query(link)));
        assertEquals(200, page.getStatusCode());
        assertTrue(page.getBody().contains("<form method=\"post\""), page.getBody());
        assertTrue(page.getBody().contains("确认退订"), "the browser asked for Chinese: " + page.getBody());
        assertEquals(0, suppressionCount(), "a link scanner's GET unsubscribes nobody");
        advance(Duration.ofHours(17));
        outbox.enqueue(news("NEWS#2#c-get", "c-get", "Autumn teas"));
        functions.drainAll();
        assertEquals(2, cloud.sentMailTo("get@example.com").size());
    }

    @Test
    void forgedTamperedAndExpiredTokensAreRefusedAndChangeNothing() {
        member("c-forge", "forge@example.com", "Ann", "en", "Asia/Shanghai", true);
        outbox.enqueue(news("NEWS#1#c-forge", "c-forge", "Spring teas"));
        functions.drainAll();
        String token = query(cloud.sentMailTo("forge@example.com").getFirst().headers().get("List-Unsubscribe"))
                .substring("token=".length());
        String otherMember = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("v1|m:c-someone-else|1900000000".getBytes(StandardCharsets.UTF_8));
        String tampered = otherMember + token.substring(token.indexOf('.'));
        assertEquals(403,
                functions.invokeUrl("UnsubscribeFunction", "POST", "token=" + tampered, Map.of(), "").getStatusCode());
        assertEquals(400,
                functions.invokeUrl("UnsubscribeFunction", "POST", "token=not-a-token", Map.of(), "").getStatusCode());
        assertEquals(403, functions.invokeUrl("UnsubscribeFunction",
                FunctionUrlRequest.sample("unsubscribe/one-click-post.json"))
                .getStatusCode(), "the sample's token is signed with a placeholder key");
        assertEquals(400, functions.invokeUrl("UnsubscribeFunction", "POST", "", Map.of(), "").getStatusCode());
        clock.set(NOON_IN_SHANGHAI.plus(Duration.ofDays(181)));
        assertEquals(410,
                functions.invokeUrl("UnsubscribeFunction", "POST", "token=" + token, Map.of(), "").getStatusCode());
        assertEquals(405,
                functions.invokeUrl("UnsubscribeFunction", "DELETE", "token=" + token, Map.of(), "").getStatusCode());
        assertEquals(0, suppressionCount());
    }

    @Test
    void aHardBounceSuppressesTheAddressForAllMail() {
        cloud.assume(LocalCloud.Feature.SES_EVENTS);
        member("c-bounce", "bounce@simulator.amazonses.com", "Ann", "en", "Asia/Shanghai", true);
        outbox.enqueue(transactional("ORDER#o-7#follow-up", "c-bounce", "o-7"));
        functions.drainAll();
        assertEquals(1, cloud.sentMailTo("bounce@simulator.amazonses.com").size(),
                "SES accepted it; the bounce came after");
        SendLedger.Entry first = ledger.find("ORDER#o-7#follow-up", true).orElseThrow();
        assertEquals(SendLedger.Status.SENT, first.status());

        outbox.enqueue(transactional("ORDER#o-8#follow-up", "c-bounce", "o-8"));
        functions.drainAll();
        assertEquals(1, cloud.sentMailTo("bounce@simulator.amazonses.com").size());
        assertEquals("SUPPRESSED", ledger.find("ORDER#o-8#follow-up", true).orElseThrow().reason());
    }

    @Test
    void aComplaintSuppressesAtOnceAndSoftBouncesOnlyAfterTheLimit() throws Exception {
        cloud.assume(LocalCloud.Feature.SES_EVENTS);
        member("c-complain", "complaint@simulator.amazonses.com", "Ann", "en", "Asia/Shanghai", true);
        outbox.enqueue(transactional("ORDER#o-9#follow-up", "c-complain", "o-9"));
        functions.drainAll();
        outbox.enqueue(transactional("ORDER#o-10#follow-up", "c-complain", "o-10"));
        functions.drainAll();
        assertEquals("SUPPRESSED", ledger.find("ORDER#o-10#follow-up", true).orElseThrow().reason());

        member("c-1001", "member.1001@example.com", "Ann", "en", "Asia/Shanghai", true);
        publishSesEvent("email-bounced-transient.json", "ORDER#o-5001#follow-up");
        publishSesEvent("email-bounced-transient.json", "ORDER#o-5001#follow-up");
        functions.drainAll();
        outbox.enqueue(transactional("ORDER#o-11#follow-up", "c-1001", "o-11"));
        functions.drainAll();
        assertEquals(SendLedger.Status.SENT, ledger.find("ORDER#o-11#follow-up", true).orElseThrow().status(),
                "one soft bounce, repeated by SES, is one");
        publishSesEvent("email-bounced-transient.json", "ORDER#o-5001#follow-up", "feedback-2");
        publishSesEvent("email-bounced-transient.json", "ORDER#o-5001#follow-up", "feedback-3");
        functions.drainAll();
        outbox.enqueue(transactional("ORDER#o-12#follow-up", "c-1001", "o-12"));
        functions.drainAll();
        assertEquals("SUPPRESSED", ledger.find("ORDER#o-12#follow-up", true).orElseThrow().reason(),
                "the third soft bounce");
    }

    @Test
    void marketingWaitsOutAnOpenDisputeAndAJourneyEndsWhenTheMemberOrders() {
        member("c-dispute", "dispute@example.com", "Ann", "en", "Asia/Shanghai", true);
        cloud.dynamoDb().putItem(p -> p.tableName(cloud.tableName("DisputesTable")).item(Map.of(
                "disputeId", AttributeValue.fromS("d-1"), "openCustomerId", AttributeValue.fromS("c-dispute"))));
        outbox.enqueue(news("NEWS#1#c-dispute", "c-dispute", "Spring teas"));
        outbox.enqueue(transactional("DISPUTE#d-1#ack", "c-dispute", "o-13"));
        functions.drainAll();
        assertEquals("OPEN_DISPUTE", ledger.find("NEWS#1#c-dispute", true).orElseThrow().reason());
        assertEquals(1, cloud.sentMailTo("dispute@example.com").size(), "customer messages about the dispute still go");

        member("c-exit", "exit@example.com", "Ann", "en", "Asia/Shanghai", true);
        publish(Events.orderPaid("c-exit", "o-exit").id("evt-exit-paid").at("2026-11-23T03:00:00Z").amount(9_900)
                .json());
        functions.drainAll();
        outbox.enqueue(news("WINBACK#c-exit#60", "c-exit", "We miss you")
                .exitWhen(new ExitCondition.NoOrderSince(Instant.parse("2026-11-01T00:00:00Z"))));
        functions.drainAll();
        assertEquals("JOURNEY_EXITED", ledger.find("WINBACK#c-exit#60", true).orElseThrow().reason());
        assertEquals(0, cloud.sentMailTo("exit@example.com").size());
    }

    // ------------------------------------------------------------------ content

    @Test
    void theMailCarriesBothBodiesTheAdMarkAndOneClickHeadersAndEscapesMemberText() {
        member("c-xss", "xss@example.com", "<script>alert(1)</script>", "en", "Asia/Shanghai", true);
        member("c-zh", "zh@example.com", "王", "zh-CN", "Asia/Shanghai", true);
        outbox.enqueue(news("NEWS#1#c-xss", "c-xss", "Spring teas"));
        outbox.enqueue(news("NEWS#1#c-zh", "c-zh", "春茶上新"));
        outbox.enqueue(transactional("ORDER#o-14#follow-up", "c-zh", "o-14"));
        functions.drainAll();

        SentMail xss = cloud.sentMailTo("xss@example.com").getFirst();
        assertEquals("\"Sample Tea House\" <no-reply@example.com>", xss.from());
        assertEquals("[AD] Spring teas", xss.subject());
        assertFalse(xss.html().contains("<script>"), "member-supplied markup never reaches the HTML");
        assertTrue(xss.html().contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(xss.text().contains("New arrivals") && xss.text().contains("Unsubscribe: https://"), xss.text());
        assertNotNull(xss.headers().get("List-Unsubscribe"));

        List<SentMail> zh = cloud.sentMailTo("zh@example.com");
        assertEquals("【广告】春茶上新", zh.get(0).subject());
        assertTrue(zh.get(0).html().contains("亲爱的王"));
        assertEquals("您的订单 o-14 还满意吗？", zh.get(1).subject());
        assertFalse(zh.get(1).headers().containsKey("List-Unsubscribe"),
                "transactional mail has no unsubscribe header");
    }

    @Test
    void everyMarketingMailCarriesTheStoresPostalAddressInBothLocalesAndTransactionalMailDoesNot() {
        functions = cloud.functions(clock, Map.of("STORE_POSTAL_ADDRESS", "Tea & Co <Unit 5>, 88 Example Road"));
        member("c-post-en", "post.en@example.com", "Ann", "en", "Asia/Shanghai", true);
        member("c-post-zh", "post.zh@example.com", "王", "zh-CN", "Asia/Shanghai", true);
        outbox.enqueue(news("NEWS#1#c-post-en", "c-post-en", "Spring teas"));
        outbox.enqueue(news("NEWS#1#c-post-zh", "c-post-zh", "春茶上新"));
        outbox.enqueue(transactional("ORDER#o-15#follow-up", "c-post-en", "o-15"));
        functions.drainAll();

        for (String address : List.of("post.en@example.com", "post.zh@example.com")) {
            SentMail marketing = cloud.sentMailTo(address).getFirst();
            assertTrue(marketing.html().contains("Tea &amp; Co &lt;Unit 5&gt;, 88 Example Road"),
                    "in the HTML footer, escaped: " + address);
            assertTrue(marketing.text().contains("Tea & Co <Unit 5>, 88 Example Road"), "in the text footer");
        }
        SentMail order = cloud.sentMailTo("post.en@example.com").get(1);
        assertEquals("How is your order o-15?", order.subject());
        assertFalse(order.html().contains("88 Example Road") || order.text().contains("88 Example Road"),
                "transactional mail has no marketing footer");
    }

    @Test
    void aMissingTemplateVariableIsKeptAsARejectNotSentEmpty() {
        member("c-broken", "broken@example.com", "Ann", "en", "Asia/Shanghai", true);
        outbox.enqueue(MessageRequest.transactional("ORDER#o-15#follow-up", "order", new Recipient.Member("c-broken"),
                "order-follow-up", Map.of(), clock.instant()));
        functions.drainAll();
        assertEquals(0, cloud.sentMailTo("broken@example.com").size());
        List<Map<String, AttributeValue>> rejects = cloud.dynamoDb()
                .scan(s -> s.tableName(cloud.tableName("RejectsTable")))
                .items();
        assertEquals(1, rejects.size());
        assertEquals("TEMPLATE_ERROR", rejects.getFirst().get("reason").s());
        assertEquals("sender", rejects.getFirst().get("consumer").s());
        assertTrue(rejects.getFirst().get("detail").s().contains("orderId"));
    }

    // ------------------------------------------------------------------ throttling

    @Test
    void sesThrottlingIsRetriedLaterWithoutLossOrDeadLetter() {
        cloud.assume(LocalCloud.Feature.SES_THROTTLING);
        member("c-throttle", "throttle@example.com", "Ann", "en", "Asia/Shanghai", true);
        functions.drainAll();
        // The SDK makes three attempts with back-off (standard retry strategy); six throttles outlast two such rounds.
        cloud.throttleNextSends(6);
        outbox.enqueue(transactional("ORDER#o-16#follow-up", "c-throttle", "o-16"));
        functions.drainAll();
        assertEquals(0, cloud.sentMailTo("throttle@example.com").size(), "throttled, put off");
        advance(Duration.ofMinutes(2));
        assertEquals(0, cloud.sentMailTo("throttle@example.com").size(), "throttled again, put off twice as long");
        advance(Duration.ofMinutes(1));
        assertEquals(0, cloud.sentMailTo("throttle@example.com").size(), "still waiting out the second, longer wait");
        advance(Duration.ofMinutes(2));
        assertEquals(1, cloud.sentMailTo("throttle@example.com").size());
        assertEquals(SendLedger.Status.SENT, ledger.find("ORDER#o-16#follow-up", true).orElseThrow().status());
        assertEquals(0, cloud.dynamoDb().scan(s -> s.tableName(cloud.tableName("RejectsTable"))).count(),
                "throttling is not bad input");
    }

    // ------------------------------------------------------------------ helpers

    private void member(String customerId, String email, String name, String locale, String zone, boolean consent) {
        publish(Events.memberRegistered(customerId).at("2026-11-01T00:00:00Z").email(email).name(name).locale(locale)
                .timeZone(zone).consent(consent).json());
    }

    private void publish(String canonicalEvent) {
        cloud.eventBus().publish(canonicalEvent, "test", clock.instant());
    }

    private void publishSesEvent(String sample, String businessKey) throws Exception {
        publishSesEvent(sample, businessKey, null);
    }

    /** An SES event sample for one of our messages, on the default bus as SES publishes it. */
    private void publishSesEvent(String sample, String businessKey, String feedbackId) throws Exception {
        SesEvents event = SesEvents.of(sample).configurationSet(cloud.template().arn("SesConfigurationSet"))
                .businessKey(businessKey);
        if (feedbackId != null) {
            event.feedbackId(feedbackId);
        }
        assertEquals(List.of("SesFeedbackQueue"), cloud.eventBus().publish(event.node(), "default"));
    }

    private MessageRequest transactional(String key, String customerId, String orderId) {
        return MessageRequest.transactional(key, "order", new Recipient.Member(customerId), "order-follow-up",
                Map.of("orderId", orderId), clock.instant());
    }

    private MessageRequest news(String key, String customerId, String headline) {
        Map<String, Object> data = new HashMap<>();
        data.put("headline", headline);
        data.put("message", "New arrivals");
        data.put("link", "https://shop.example.com/new");
        return MessageRequest.marketing(key, "news", customerId, "store-news", data, clock.instant());
    }

    /** A greeting (the birthday journey, so it ranks first) that is worth sending until the end of the day. */
    private MessageRequest greeting(String key, String customerId) {
        return MessageRequest.marketing(key, "birthday", customerId, "store-news", Map.of("headline", "Happy birthday",
                "message", "A gift", "link", "https://shop.example.com/gift"), clock.instant())
                .notAfter(Instant.parse("2026-11-23T16:00:00Z"));
    }

    private void advance(Duration duration) {
        advanceTo(clock.instant().plus(duration));
    }

    /** Moves time on, runs the timer sweep as its schedule would and lets every queue drain. */
    private void advanceTo(Instant instant) {
        functions.drainAll();
        clock.set(instant);
        boolean more;
        do {
            @SuppressWarnings("unchecked")
            Map<String, Object> report = (Map<String, Object>) functions.invoke("TimerSweepFunction",
                    ScheduledEvents.asMap(clock.instant()));
            more = (Boolean) report.get("more");
            functions.drainAll();
        } while (more);
    }

    private List<String> subjects(String address) {
        return cloud.sentMailTo(address).stream().map(SentMail::subject).toList();
    }

    private int suppressionCount() {
        return cloud.dynamoDb().scan(s -> s.tableName(cloud.tableName("SuppressionsTable"))).count();
    }

    private void assertLocalTime(String businessKey, String zone) {
        Instant sent = ledger.find(businessKey, true).orElseThrow().settledAt();
        var local = sent.atZone(ZoneId.of(zone)).toLocalTime();
        assertEquals(9, local.getHour(), businessKey + " sent at " + local + " local");
        assertTrue(local.getMinute() <= 2, businessKey + " sent at " + local + " local");
    }

    /** The query string of a {@code <https://...?token=...>} header value. */
    private static String query(String listUnsubscribe) {
        String url = listUnsubscribe.substring(1, listUnsubscribe.length() - 1);
        return url.substring(url.indexOf('?') + 1);
    }
}
