package dev.storecrm.privacyrequests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storecrm.domain.feedback.FeedbackAnswer;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.domain.messaging.AddressHash;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.localcloud.FreshLocalCloud;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.localcloud.LocalInboundMail;
import dev.storecrm.localcloud.LocalStaffDoor;
import dev.storecrm.localcloud.Template;
import dev.storecrm.platform.dynamodb.DynamoDbFeedbackAnswers;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Export and erasure through the real functions against the local cloud, IAM enforced from template.yaml: one member
 * is loaded into every table by the functions that write them (the archive, the points ledger, cart recovery with
 * its reminder and coupon, the sender, the dispute workflow, a rejected event, RFM, a customer mail with its raw
 * message in the inbound bucket); a data request's export shows all of
 * it and is served on the staff API; an erasure request then leaves none of the member's personal strings in any
 * table (read by a scan, in this test only), keeps the orders and the dispute under a pseudonym, and refuses the
 * customer's later events until a new registration with fresh consent.
 */
@ExtendWith(FreshLocalCloud.class)
class PrivacyIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * 09:00 in Shanghai on a Monday: the cart's reminder and coupon fall in the daytime. Ahead of the wall clock, so
     * that DynamoDB Local's TTL (which reads the wall clock) deletes nothing the test wrote.
     */
    private static final Instant NOW = Instant.parse("2027-03-01T01:00:00Z");
    private static final Path EVENTS = Template.projectRoot().resolve("events");
    private static final String CUSTOMER = "c-7001";
    private static final String NAME = "Erin Quillfeather";
    private static final String EMAIL = "erin.quillfeather@example.com";
    private static final String PHONE = "+8613800007001";
    /** What would betray the member in any table, in any case: the name's and address's rare part, the number. */
    private static final List<String> PERSONAL = List.of("quillfeather", "13800007001");

    private LocalCloud cloud;
    private SimulatedClock clock;
    private LocalFunctions functions;
    /** The raw messages' object keys in the InboundMailBucket (SES's message ids under the receipt's prefix). */
    private final List<String> rawMailKeys = new ArrayList<>();

    @BeforeEach
    void loadOneMemberIntoEveryTable(LocalCloud cloud) {
        this.cloud = cloud;
        this.clock = new SimulatedClock(NOW.minus(Duration.ofDays(80)));
        this.functions = cloud.functions(clock, Map.of("DISPUTE_AGENT_LOCALE", "en"));
        publish(Events.memberRegistered(CUSTOMER).name(NAME).email(EMAIL).phone(PHONE).at(clock.instant()).json());
        publish(Events.orderPlaced(CUSTOMER, "o-7001").at(clock.instant()).json());
        publish(Events.orderPaid(CUSTOMER, "o-7001").amount(19_900).at(clock.instant()).json());
        publish(Events.memberUpdated(CUSTOMER).name(NAME).timeZone("Mars/Olympus").at(clock.instant()).json());
        publish(Events.memberRegistered("c-7002").referrerId(CUSTOMER).at(clock.instant()).json());
        publish(Events.orderPlaced("c-7002", "o-7002").at(clock.instant()).json());
        publish(Events.orderPaid("c-7002", "o-7002").at(clock.instant()).json());
        functions.advanceTo("TimerSweepFunction", NOW.minus(Duration.ofDays(2)));
        publish(Events.cartUpdated("cart-7001").customerId(CUSTOMER).at(clock.instant()).json());
        functions.advanceTo("TimerSweepFunction", NOW.minus(Duration.ofHours(23)));
        unsubscribe();
        publish(Events.disputeOpened("d-7001").order(CUSTOMER, "o-7001")
                .buyerProposal(19_900, false, "Refund to " + NAME).at(clock.instant().minusSeconds(60)).json());
        publish(Events.disputeUpdated("d-7001").note("Called " + NAME + " on " + PHONE)
                .returnTrackingNumber("SF-QUILLFEATHER-1").at(clock.instant()).json());
        functions.advanceTo("TimerSweepFunction", NOW);
        rawMailKeys.add(new LocalInboundMail(cloud).deliver(customerMail(), "service@example.com", clock.instant()));
        functions.drainAll();
        // their answer to the order's follow-up, as the landing records it (the comment signed with their name)
        new DynamoDbFeedbackAnswers(cloud.dynamoDb(), cloud.tableName("FeedbackAnswersTable")).record(
                new FeedbackAnswer("o-7001", CUSTOMER, true, Optional.of(5), Optional.of("Lovely, thanks! " + NAME),
                        FeedbackAnswer.Via.form, clock.instant()));
    }

    /** The member writes to the care team: a conversation matched to them, its raw message in the inbound bucket. */
    private static byte[] customerMail() {
        return ("From: " + NAME + " <" + EMAIL + ">\r\nTo: service@example.com\r\n"
                + "Subject: Where is my order? (" + NAME + ")\r\nMessage-ID: <privacy-7001@mail.example.net>\r\n"
                + "Date: Mon, 1 Mar 2027 09:00:00 +0800\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Hello, this is " + NAME + ", call me on " + PHONE + ". Where is o-7001?\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The member clicks the one-click unsubscribe of a marketing mail: a suppression of the member's own. */
    private void unsubscribe() {
        String header = cloud.sentMailTo(EMAIL).stream()
                .map(m -> m.headers().get("List-Unsubscribe")).filter(h -> h != null).findFirst()
                .orElseThrow(() -> new AssertionError("no marketing mail to the member: " + cloud.sentMail().stream()
                        .map(m -> m.to() + " " + m.subject()).toList()));
        String query = header.substring(header.indexOf('?') + 1, header.indexOf('>'));
        assertEquals(200, functions.invokeUrl("UnsubscribeFunction", "POST", query,
                Map.of("content-type", "application/x-www-form-urlencoded"), "List-Unsubscribe=One-Click")
                .getStatusCode());
    }

    @Test
    void theMemberIsInEveryTableTheFunctionsWriteBeforeAnyRequest() {
        for (String table : List.of("MembersTable", "OrdersTable", "PointsLedgerTable", "CouponsTable", "CartsTable",
                "SendLedgerTable", "DisputesTable", "RejectsTable", "OccasionsTable", "WinBackTable")) {
            assertFalse(rows(table, CUSTOMER).isEmpty(), table + " holds nothing of the member: too little loaded");
        }
        assertTrue(scan("DisputeHistoryTable").toString().contains("Called " + NAME), "the dispute's history");
        assertEquals(1, rows("CareMailTable", CUSTOMER).size(), "their mail, a conversation matched to them");
        assertTrue(scan("RfmTable").stream().anyMatch(item -> item.get("pk").s().equals("MEMBER#" + CUSTOMER)),
                "their RFM scores");
        assertTrue(rawMail().stream().allMatch(raw -> raw.contains("Quillfeather")), "the raw mail in the bucket");
        assertTrue(scan("ReferralsTable").stream().anyMatch(r -> r.get("referrerId").s().equals(CUSTOMER)));
        assertFalse(item("SuppressionsTable", "member#" + CUSTOMER).isEmpty(), "they unsubscribed");
        assertTrue(scan("FeedbackAnswersTable").toString().contains("Quillfeather"), "their follow-up answer");
        assertFalse(personalStringsIn().isEmpty(), "the member's strings are there to be erased");
        assertTrue(cloud.sentMail().stream().anyMatch(m -> m.to().contains(EMAIL)), "mail was sent to the member");
    }

    @Test
    void aDataRequestIsAnsweredWithAnExportOfEveryPartKeptForTheStaff() throws IOException {
        publish(request("privacy-requests/customer-data-requested.json", "c-1001", "dsr-7001"));
        functions.drainAll();

        APIGatewayV2HTTPResponse kept = staff("/privacy/exports/dsr-7001", "");
        assertEquals(200, kept.getStatusCode(), kept.getBody());
        JsonNode parts = JSON.readTree(kept.getBody()).path("parts");
        assertEquals(NAME, parts.path("profile").path("records").get(0).path("name").asText());
        assertEquals("o-7001", parts.path("orders").path("records").get(0).path("orderId").asText());
        for (String part : List.of("points", "coupons", "carts", "mail", "disputes", "occasions", "winBack",
                "suppression")) {
            assertTrue(parts.path(part).path("records").size() > 0, part + " is empty: " + parts.path(part));
            assertFalse(parts.path(part).path("truncated").asBoolean());
        }
        JsonNode answers = parts.path("orderFeedback");
        assertEquals(1, answers.path("records").size(), "their answer to the order's follow-up: " + answers);
        JsonNode answer = answers.path("records").get(0);
        assertEquals(List.of("answeredAt", "comment", "met", "orderId", "rating", "via"), fieldNames(answer),
                "what the member gave, not the table's index keys");
        assertEquals(List.of("o-7001", "yes", "5", "Lovely, thanks! " + NAME, "form"), List.of(
                answer.path("orderId").asText(), answer.path("met").asText(), answer.path("rating").asText(),
                answer.path("comment").asText(), answer.path("via").asText()));
        assertFalse(answers.path("truncated").asBoolean());
        JsonNode mail = parts.path("mail").path("records");
        assertTrue(mail.toString().contains("CART#cart-7001#reminder"), mail.toString());
        assertTrue(mail.get(0).has("templateId") && mail.get(0).has("status") && mail.get(0).has("settledAt"));
        JsonNode dispute = parts.path("disputes").path("records").get(0);
        assertTrue(dispute.path("history").size() >= 2, "the dispute with its history: " + dispute);

        publish(request("privacy-requests/customer-data-requested.json", "c-1001", "dsr-7003")
                .replace("\"customerId\":\"" + CUSTOMER + "\",", "").replace("member.1001@example.com", EMAIL));
        functions.drainAll();
        assertEquals(NAME, JSON.readTree(staff("/privacy/exports/dsr-7003", "").getBody()).path("parts")
                .path("profile").path("records").get(0).path("name").asText(), "a subject known by address only");

        APIGatewayV2HTTPResponse page = staff("/privacy/members/" + CUSTOMER, "format=html");
        assertEquals(200, page.getStatusCode());
        assertTrue(page.getHeaders().get("Content-Type").startsWith("text/html"));
        assertTrue(page.getBody().contains("<h2>orders (1)</h2>") && page.getBody().contains(NAME), page.getBody());
        assertTrue(page.getBody().contains("<h2>orderFeedback (1)</h2>")
                && page.getBody().contains("<dt>comment</dt><dd>Lovely, thanks! "), "the answer on the page");
        assertEquals(403, staffGet("/privacy/members/" + CUSTOMER, "", "agent").getStatusCode(),
                "an export is for admins only");
        assertEquals(404, staff("/privacy/members/c-none", "").getStatusCode());
    }

    @Test
    void anErasureLeavesNoneOfTheMembersStringsInAnyTableAndKeepsTheAccountsUnderAPseudonym() throws IOException {
        String conversationId = rows("CareMailTable", CUSTOMER).getFirst().get("conversationId").s();
        APIGatewayV2HTTPResponse replied = staff("POST", "/care/conversations/" + conversationId + "/replies",
                "{\"text\":\"Dear " + NAME + ", it is on its way.\",\"close\":false,\"requestKey\":\"r-7001\"}");
        assertEquals(200, replied.getStatusCode(), replied.getBody());
        functions.drainAll();
        publish(request("privacy-requests/customer-data-requested.json", "c-1001", "dsr-7001"));
        publish(request("privacy-requests/customer-erasure-requested.json", "c-1003", "dsr-7002"));
        functions.drainAll();
        String erasedAt = item("PrivacyRequestsTable", "CustomerErasureRequested#dsr-7002").get("erasedAt").s();
        clock.set(NOW.plus(Duration.ofHours(1)));
        publish(request("privacy-requests/customer-erasure-requested.json", "c-1003", "dsr-7002"));
        functions.drainAll();
        assertEquals(erasedAt, item("PrivacyRequestsTable", "CustomerErasureRequested#dsr-7002").get("erasedAt").s(),
                "a finished erasure delivered again changes nothing, not even when it ended");

        assertEquals(List.of(), personalStringsIn(), "the member's personal strings left in the tables");
        assertEquals(List.of(), rows("MembersTable", CUSTOMER), "the profile is gone");
        List<Map<String, AttributeValue>> orders = scan("OrdersTable").stream()
                .filter(order -> !order.get("customerId").s().equals("c-7002")).toList();
        assertEquals(1, orders.size(), "the order stays for the accounts");
        String pseudonym = orders.getFirst().get("customerId").s();
        assertTrue(pseudonym.startsWith("erased-"), pseudonym);
        assertEquals(19_900L, Long.parseLong(orders.getFirst().get("paidAmount").n()));
        Map<String, AttributeValue> dispute = scan("DisputesTable").getFirst();
        assertEquals(pseudonym, dispute.get("customerId").s(), "one pseudonym for all that is kept");
        assertTrue(scan("DisputeHistoryTable").stream().allMatch(entry -> entry.containsKey("redactedAt")));
        assertEquals(List.of(), rows("PointsLedgerTable", CUSTOMER));
        assertEquals(List.of(), rows("RejectsTable", CUSTOMER), "the rejected event that named them is deleted");
        assertTrue(item("SuppressionsTable", "member#" + CUSTOMER).isEmpty());
        assertTrue(item("SuppressionsTable", "address#" + AddressHash.of(EMAIL)).containsKey("scope"),
                "their unsubscribe stays, as the address's one-way hash");
        assertTrue(scan("ReferralsTable").stream().allMatch(r -> r.get("referrerId").s().equals(pseudonym)),
                "the referral they made stays, under the pseudonym");
        assertEquals(List.of(), rows("WinBackTable", CUSTOMER));
        assertEquals(List.of(), scan("FeedbackAnswersTable"), "their answer to the order's follow-up is deleted");
        assertEquals(List.of(), rawMail(), "the raw messages of their conversations are deleted from the bucket");
        Map<String, AttributeValue> conversation = scan("CareMailTable").stream()
                .filter(item -> item.get("sk").s().equals("C")).findFirst().orElseThrow();
        assertEquals(List.of(pseudonym, "closed"), List.of(conversation.get("customerId").s(),
                conversation.get("status").s()), "the conversation (waiting for the customer) stays under the "
                + "pseudonym, closed: no address is left to answer");
        assertEquals(409, staff("POST", "/care/conversations/" + conversationId + "/replies",
                "{\"text\":\"Hello again\",\"close\":true,\"requestKey\":\"r-7002\"}").getStatusCode(),
                "no reply to an erased conversation");
        assertTrue(scan("RfmTable").stream().noneMatch(item -> item.get("pk").s().contains(CUSTOMER)),
                "their RFM scores and memberships are gone");
        Map<String, AttributeValue> request = item("PrivacyRequestsTable", "CustomerErasureRequested#dsr-7002");
        assertEquals("ERASED", request.get("status").s());
        assertEquals("agent", request.get("requester").m().get("party").s(), "who asked");
        assertFalse(request.containsKey("event") || request.containsKey("pseudonym"), request.toString());
        assertEquals(404, staff("/privacy/members/" + CUSTOMER, "").getStatusCode());
    }

    @Test
    void anErasedCustomersLaterEventsAreRefusedUntilANewRegistrationWithFreshConsent() throws IOException {
        publish(request("privacy-requests/customer-erasure-requested.json", "c-1003", "dsr-7002"));
        functions.drainAll();
        int mailBefore = cloud.sentMail().size();

        clock.set(NOW.plus(Duration.ofDays(2)));
        publish(Events.orderPlaced(CUSTOMER, "o-7002").at(clock.instant()).json());
        publish(Events.orderPaid(CUSTOMER, "o-7002").at(clock.instant()).json());
        publish(Events.cartUpdated("cart-7009").customerId(CUSTOMER).at(clock.instant()).json());
        publish(Events.disputeOpened("d-7009").order(CUSTOMER, "o-7001").at(clock.instant()).json());
        functions.drainAll();

        List<Map<String, AttributeValue>> refused = rows("RejectsTable", CUSTOMER).stream()
                .map(r -> item("RejectsTable", r.get("rejectId").s())).toList();
        assertEquals(List.of("ERASED"), refused.stream().map(r -> r.get("reason").s()).distinct().toList());
        assertEquals(Map.of("member-archive", 2L, "cart-recovery", 1L, "disputes", 1L), refused.stream().collect(
                Collectors.groupingBy(r -> r.get("consumer").s(), Collectors.counting())),
                "the orders, the cart and the dispute, each refused where it would have been kept");
        assertEquals(List.of(), scan("CartsTable").stream().filter(c -> c.get("cartId").s().equals("cart-7009"))
                .toList(), "no cart kept");
        assertTrue(scan("DisputesTable").stream().noneMatch(d -> d.get("disputeId").s().equals("d-7009")));
        assertEquals(List.of(), rows("MembersTable", CUSTOMER));
        assertEquals(mailBefore, cloud.sentMail().size(), "no mail to an erased member");

        publish(Events.memberRegistered(CUSTOMER).id("reg-again").name("E. Q.").email("eq@example.com")
                .at(clock.instant()).json());
        functions.drainAll();
        assertEquals(1, rows("MembersTable", CUSTOMER).size(), "a new registration with fresh consent is taken");
    }

    @Test
    void noneOfTheMembersStringsReachTheLogs() throws IOException {
        publish(request("privacy-requests/customer-data-requested.json", "c-1001", "dsr-7001"));
        publish(request("privacy-requests/customer-erasure-requested.json", "c-1003", "dsr-7002"));
        functions.drainAll();
        staff("/privacy/members/" + CUSTOMER, "");
        String logs = Files.readString(Path.of(System.getProperty("storecrm.functionLog",
                "target/function-logs.jsonl"))).toLowerCase(Locale.ROOT);
        for (String personal : PERSONAL) {
            assertFalse(logs.contains(personal), "a personal string reached the logs: " + personal);
        }
    }

    /** Every table of the template, scanned: which hold any of the member's personal strings (table: item key). */
    private List<String> personalStringsIn() {
        List<String> found = new ArrayList<>();
        for (Template.Resource table : cloud.template().resourcesOfType("AWS::DynamoDB::Table")) {
            for (Map<String, AttributeValue> item : scan(table.logicalId())) {
                String text = item.toString().toLowerCase(Locale.ROOT);
                if (PERSONAL.stream().anyMatch(text::contains)) {
                    found.add(table.logicalId() + ": " + item.keySet());
                }
            }
        }
        return found;
    }

    /**
     * The member's raw messages still in the InboundMailBucket (the local S3 lists nothing, so each key the test
     * delivered is read back), as text.
     */
    private List<String> rawMail() {
        try (S3Client s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).forcePathStyle(true)
                .endpointOverride(URI.create(cloud.endpointEnvironment().get("AWS_ENDPOINT_URL_S3")))
                .region(Region.of(cloud.endpointEnvironment().get("AWS_REGION")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        LocalCloud.ACCESS_KEY, LocalCloud.SECRET_KEY))).build()) {
            String bucket = cloud.template().resolveString(Map.of("Ref", "InboundMailBucket"));
            List<String> found = new ArrayList<>();
            for (String key : rawMailKeys) {
                try {
                    found.add(s3.getObjectAsBytes(g -> g.bucket(bucket).key(key)).asUtf8String());
                } catch (NoSuchKeyException gone) {
                    // Deleted: what the erasure should do.
                }
            }
            return found;
        }
    }

    /** A table's items naming the customer (in {@code customerId}). */
    private List<Map<String, AttributeValue>> rows(String table, String customerId) {
        return scan(table).stream().filter(item -> item.containsKey("customerId")
                && item.get("customerId").s().equals(customerId)).toList();
    }

    private List<Map<String, AttributeValue>> scan(String table) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        cloud.dynamoDb().scanPaginator(s -> s.tableName(cloud.tableName(table)).consistentRead(true)).items()
                .forEach(items::add);
        return items;
    }

    /** An item by its key: a request's, a reject's or a suppression's. */
    private Map<String, AttributeValue> item(String table, String key) {
        String name = switch (table) {
            case "RejectsTable" -> "rejectId";
            case "SuppressionsTable" -> "subject";
            default -> "requestKey";
        };
        return cloud.dynamoDb().getItem(g -> g.tableName(cloud.tableName(table)).consistentRead(true)
                .key(Map.of(name, AttributeValue.fromS(key)))).item();
    }

    /** A sample request about the test's member (its customer id and request id replaced), made now. */
    private String request(String sample, String sampleCustomer, String requestId) throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(Files.readString(EVENTS.resolve(sample))
                .replace(sampleCustomer, CUSTOMER));
        ((ObjectNode) event.path("body")).put("requestId", requestId).remove("deadline");
        return event.put("id", "evt-" + requestId).put("occurredAt", clock.instant().toString()).toString();
    }

    private APIGatewayV2HTTPResponse staff(String path, String query) {
        return staffGet(path, query, "admin");
    }

    private APIGatewayV2HTTPResponse staffGet(String path, String query, String user) {
        return staff("GET", path, query, user, "");
    }

    /** An agent's call with a JSON body (a reply to customer mail). */
    private APIGatewayV2HTTPResponse staff(String method, String path, String body) {
        return staff(method, path, "", "agent", body);
    }

    /** A call by one of the documented local users, through the staff API. */
    private APIGatewayV2HTTPResponse staff(String method, String path, String query, String user, String body) {
        return LocalStaffDoor.open(cloud, functions, clock, Duration.ofHours(1))
                .invoke(user, method, path, query, body);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private void publish(String event) {
        cloud.eventBus().publish(event, "storefront", clock.instant());
    }
}
