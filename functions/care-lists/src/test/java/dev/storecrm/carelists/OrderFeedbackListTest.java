package dev.storecrm.carelists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.feedback.FeedbackAnswer;
import dev.storecrm.fixtures.memory.InMemoryFeedbackAnswers;
import dev.storecrm.platform.http.HttpAnswer;
import dev.storecrm.platform.http.StaffRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The staff's list of follow-up answers over in-memory answers: the store's days, the filters, the refusals. */
class OrderFeedbackListTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final InMemoryFeedbackAnswers answers = new InMemoryFeedbackAnswers();
    private final OrderFeedbackList list = new OrderFeedbackList(answers, SHANGHAI,
            Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), SHANGHAI));

    private HttpAnswer get(Map<String, String> query) {
        return list.handle(new StaffRequest("GET", "/order-feedback", query, Map.of(), null, "console:mia",
                Optional.empty(), Set.of("marketers")));
    }

    private void answer(String order, boolean met, String at) {
        answers.record(new FeedbackAnswer(order, "c-" + order, met, Optional.empty(), Optional.of("=1+1"),
                FeedbackAnswer.Via.form, Instant.parse(at)));
    }

    @Test
    void theDaysAreTheStoresAndTheCsvCannotCarryAFormula() {
        answer("o-1", true, "2026-11-29T16:30:00Z"); // 00:30 on 30 November in Shanghai
        answer("o-2", false, "2026-11-29T15:30:00Z"); // 23:30 on 29 November
        HttpAnswer csv = get(Map.of("from", "2026-11-30", "to", "2026-11-30"));
        assertEquals(200, csv.status());
        assertEquals("\uFEFFansweredAt,orderId,customerId,met,rating,comment,via\r\n"
                + "2026-11-29T16:30:00Z,o-1,c-o-1,yes,,'=1+1,form\r\n", csv.body());
        assertTrue(get(Map.of("met", "no", "format", "json")).body().contains("\"orderId\":\"o-2\""));
        assertEquals("{\"columns\":[\"answeredAt\",\"orderId\",\"customerId\",\"met\",\"rating\",\"comment\",\"via\"],"
                + "\"rows\":[]}", get(Map.of("met", "no", "from", "2026-11-30", "format", "json")).body());
    }

    @Test
    void aBadParameterGets400WithWhatIsWrong() {
        assertEquals("{\"error\":\"met must be yes or no, not 'maybe'\"}", get(Map.of("met", "maybe")).body());
        assertEquals("{\"error\":\"limit must be a whole number from 1 to 1000\"}",
                get(Map.of("limit", "1001")).body());
        assertEquals("{\"error\":\"from must not be after to, and the period at most 366 days\"}",
                get(Map.of("from", "2025-11-01", "to", "2026-11-30")).body());
        assertEquals(400, get(Map.of("to", "30/11/2026")).status());
        assertEquals(405, list.handle(new StaffRequest("POST", "/order-feedback", Map.of(), Map.of(), "{}",
                "console:mia", Optional.empty(), Set.of("marketers"))).status());
    }
}
