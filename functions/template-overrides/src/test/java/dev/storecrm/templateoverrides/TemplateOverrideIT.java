package dev.storecrm.templateoverrides;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.messaging.MessageRequest;
import dev.storecrm.domain.messaging.Recipient;
import dev.storecrm.localcloud.LocalStaffDoor;
import dev.storecrm.localcloud.LocalStore;
import dev.storecrm.localcloud.SentMail;
import dev.storecrm.platform.sqs.SqsMessageOutbox;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Template overrides through the real TemplatesFunction (staff API, marketers) and SenderFunction in the local
 * cloud: a published override reaches the next mail once the sender's one-minute cache runs out; a broken draft is
 * refused with its reasons and the live one goes on; a roll-back brings back the bundled template or an older
 * version.
 */
class TemplateOverrideIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2027-03-01T02:00:00Z");
    private static final String PATH = "/templates/order-follow-up/en";
    private static final String NEW_SUBJECT =
            "{\"parts\": {\"subject.txt\": \"Order {{orderId}}: did it arrive well?\"}}";

    private LocalStaffDoor staff;
    private SqsMessageOutbox outbox;
    private int sent;

    @RegisterExtension
    final LocalStore local = LocalStore.at(START);

    @BeforeEach
    void setUp() {
        this.staff = LocalStaffDoor.open(local.cloud(), local.functions(), local.clock());
        this.outbox = new SqsMessageOutbox(local.cloud().sqs(), local.cloud().queueUrl("OutboxQueue"),
                local.cloud().queueUrl("OutboxPriorityQueue"));
    }

    @Test
    void aPublishedOverrideReachesTheNextMailAfterTheCacheABrokenOneIsRefusedAndARollBackRestores()
            throws IOException {
        assertEquals("How is your order o-1?", send().subject(), "the bundled template");
        assertTrue(view().get("live").isNull());

        APIGatewayV2HTTPResponse preview = call("POST", PATH + "/preview", NEW_SUBJECT);
        assertEquals(200, preview.getStatusCode(), preview.getBody());
        assertEquals("Order o-5001: did it arrive well?", json(preview).get("subject").asText(), "the sample's order");
        assertTrue(json(preview).get("html").asText().contains("o-5001"), "the body, bundled, with the sample");

        APIGatewayV2HTTPResponse published = call("POST", PATH + "/publish", NEW_SUBJECT);
        assertEquals(201, published.getStatusCode(), published.getBody());
        assertEquals(1, json(published).get("version").asInt());
        assertEquals("How is your order o-2?", send().subject(), "the sender's cache still holds the bundled one");
        local.clock().advance(Duration.ofSeconds(60));
        assertEquals("Order o-3: did it arrive well?", send().subject(), "after the cache: the override");

        APIGatewayV2HTTPResponse refused = call("POST", PATH + "/publish", "{\"parts\": {\"body.html\": "
                + "\"<p>{{{orderId}}}</p>\", \"body.txt\": \"Track it: {{trackingUrl}}\"}}");
        assertEquals(422, refused.getStatusCode(), refused.getBody());
        assertEquals(List.of("body.html UNESCAPED_OUTPUT", "body.txt MISSING_VARIABLE"), problems(refused));
        assertEquals(422, call("POST", PATH + "/publish", "{\"parts\": {\"body.html\": \"{{#orderId}}<p>x</p>\"}}")
                .getStatusCode(), "an unclosed section");
        local.clock().advance(Duration.ofSeconds(60));
        assertEquals("Order o-4: did it arrive well?", send().subject(), "the live override goes on");

        APIGatewayV2HTTPResponse bundled = call("POST", PATH + "/rollback", "{\"version\": 0}");
        assertEquals(201, bundled.getStatusCode(), bundled.getBody());
        local.clock().advance(Duration.ofSeconds(60));
        assertEquals("How is your order o-5?", send().subject(), "rolled back to the bundled template");

        assertEquals(201, call("POST", PATH + "/rollback", "{\"version\": 1}").getStatusCode());
        local.clock().advance(Duration.ofSeconds(60));
        assertEquals("Order o-6: did it arrive well?", send().subject(), "rolled back to version 1");
        JsonNode view = view();
        assertEquals(3, view.get("live").get("version").asInt());
        assertEquals(List.of("3 rollback to v1", "2 rollback to the bundled template", "1 published"),
                StreamSupport.stream(view.get("versions").spliterator(), false)
                        .map(v -> v.get("version").asInt() + " " + v.get("note").asText()).toList());
        assertEquals("console:marketer", view.get("live").get("publishedBy").asText());
        assertEquals(404, call("POST", PATH + "/rollback", "{\"version\": 9}").getStatusCode());
        assertEquals(404, call("GET", "/templates/no-such-template/en", "").getStatusCode());
    }

    @Test
    void onlyMarketersAndAdminsMayPublish() {
        assertEquals(403, staff.invoke("agent", "POST", PATH + "/publish", "", NEW_SUBJECT).getStatusCode());
        assertEquals(403, staff.invoke("agent", "GET", PATH, "", "").getStatusCode());
    }

    private SentMail send() {
        sent++;
        outbox.enqueue(MessageRequest.transactional("ORDER#o-" + sent + "#follow-up", "order",
                new Recipient.Address("buyer@example.com", Optional.of("Ann"), Optional.of("en"),
                        Optional.of(ZoneId.of("Asia/Shanghai"))), "order-follow-up", Map.of("orderId", "o-" + sent),
                local.clock().instant()));
        local.functions().drainAll();
        List<SentMail> mail = local.cloud().sentMail();
        assertEquals(sent, mail.size(), "one mail per request");
        return mail.getLast();
    }

    private JsonNode view() throws IOException {
        APIGatewayV2HTTPResponse response = call("GET", PATH, "");
        assertEquals(200, response.getStatusCode(), response.getBody());
        return json(response);
    }

    private List<String> problems(APIGatewayV2HTTPResponse response) throws IOException {
        return StreamSupport.stream(json(response).get("problems").spliterator(), false)
                .map(p -> p.get("part").asText() + " " + p.get("code").asText()).sorted().toList();
    }

    private APIGatewayV2HTTPResponse call(String method, String path, String body) {
        return staff.invoke("marketer", method, path, "", body);
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) throws IOException {
        return JSON.readTree(response.getBody());
    }
}
