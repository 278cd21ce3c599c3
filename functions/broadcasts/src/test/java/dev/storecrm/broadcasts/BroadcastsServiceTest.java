package dev.storecrm.broadcasts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storecrm.domain.broadcast.BroadcastBook;
import dev.storecrm.domain.campaign.Holdout;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.memory.InMemoryBroadcastDelivery;
import dev.storecrm.platform.http.HttpAnswer;
import dev.storecrm.platform.http.StaffRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BroadcastsServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2027-03-10T02:00:00Z");
    private static final String DEFINITION = """
            {"campaignId": "tea-week", "audience": {"segment": "loyal"},
             "variants": [{"name": "A", "share": 50, "content": {"en": {"headline": "Tea week", "message": "Hi"}}},
                          {"name": "B", "share": 50, "content": {"en": {"headline": "Tea days", "message": "Hi"}}}],
             "window": {"start": "2027-03-10T09:00", "end": "2027-03-10T21:00"}}""";

    private final InMemoryBroadcastBook book = new InMemoryBroadcastBook();
    private final InMemoryBroadcastDelivery delivery = new InMemoryBroadcastDelivery();
    private final BroadcastsService service = new BroadcastsService(book, (page, at) -> { }, delivery, Holdout.NONE,
            new SimulatedClock(NOW));

    @Test
    void aBroadcastShowsWhatTheSenderDidWithItsMailSentNotSentByReasonHeldOutAndWaitingPerVariant()
            throws IOException {
        assertEquals(201, call("POST", "/broadcasts", DEFINITION).status());
        assertEquals(JSON.readTree("""
                {"sent": 0, "notSent": {}, "heldOut": 0, "waiting": 0, "variants": {
                  "A": {"sent": 0, "notSent": {}, "heldOut": 0, "waiting": 0},
                  "B": {"sent": 0, "notSent": {}, "heldOut": 0, "waiting": 0}}}"""), view().get("delivery"),
                "a draft: nothing settled yet");

        call("POST", "/broadcasts/tea-week/schedule", "");
        book.recordPage("tea-week", 1, new BroadcastBook.PageCounts(9, 1, 0, Map.of("A", 4L, "B", 4L)),
                Optional.empty(), true, NOW);
        for (String[] settled : new String[][] {{"A", "SENT"}, {"A", "SENT"}, {"A", "NO_MARKETING_CONSENT"},
                {"B", "SENT"}, {"B", "EXPIRED_UNDER_CAP"}, {"B", "HELD_OUT"}, {"B", "EXPIRED"}}) {
            delivery.count("tea-week", settled[0], settled[1]);
        }
        delivery.count("other-week", "A", "SENT");
        assertEquals(JSON.readTree("""
                {"sent": 3, "notSent": {"EXPIRED": 1, "EXPIRED_UNDER_CAP": 1, "NO_MARKETING_CONSENT": 1},
                 "heldOut": 1, "waiting": 2, "variants": {
                  "A": {"sent": 2, "notSent": {"NO_MARKETING_CONSENT": 1}, "heldOut": 0, "waiting": 1},
                  "B": {"sent": 1, "notSent": {"EXPIRED": 1, "EXPIRED_UNDER_CAP": 1}, "heldOut": 1,
                        "waiting": 1}}}"""), view().get("delivery"),
                "8 queued, 6 settled of them; the held-out member was never queued");
    }

    private JsonNode view() throws IOException {
        HttpAnswer answer = call("GET", "/broadcasts/tea-week", null);
        assertEquals(200, answer.status(), answer.body());
        return JSON.readTree(answer.body());
    }

    private HttpAnswer call(String method, String path, String body) {
        return service.handle(new StaffRequest(method, path, Map.of(), Map.of(), body, "console:mia",
                Optional.empty(), Set.of("marketers")));
    }
}
