package dev.storecrm.carelists;

import dev.storecrm.domain.feedback.FeedbackAnswer;
import dev.storecrm.domain.feedback.FeedbackAnswers;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.platform.http.HttpAnswer;
import dev.storecrm.platform.http.StaffRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /order-feedback?from=2026-11-01&to=2026-11-30[&met=yes|no][&limit=100][&next=…][&format=json]}: the
 * members' answers to the post-purchase follow-up, oldest first, one row per order (a later answer replaced an
 * earlier one). The days are the store's; the period defaults to the last 30 days and is at most 366; a page holds
 * {@code limit} rows (default {@value #DEFAULT_LIMIT}, at most {@value #MAX_LIMIT}) and gives the next page's cursor
 * (JSON {@code next}, CSV header {@code X-Next-Cursor}). CSV unless JSON is asked for, like the other lists. The
 * comments are the members' own words: served, never logged.
 */
final class OrderFeedbackList {

    static final String PATH = "/order-feedback";
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    static final List<String> COLUMNS = List.of("answeredAt", "orderId", "customerId", "met", "rating", "comment",
            "via");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FeedbackAnswers answers;
    private final ZoneId storeZone;
    private final Clock clock;

    OrderFeedbackList(FeedbackAnswers answers, ZoneId storeZone, Clock clock) {
        this.answers = answers;
        this.storeZone = storeZone;
        this.clock = clock;
    }

    boolean serves(String path) {
        return path.equals(PATH);
    }

    HttpAnswer handle(StaffRequest request) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return new HttpAnswer(405, Map.of("Content-Type", "application/json", "Allow", "GET"),
                    "{\"error\":\"the answers are read with GET\"}");
        }
        Map<String, String> query = request.query();
        try {
            ListFormat format = ListFormat.of(query.get("format"), request.header("accept"));
            LocalDate to = CareListsService.date(query, "to", LocalDate.ofInstant(clock.instant(), storeZone));
            LocalDate from = CareListsService.date(query, "from", to.minusDays(29));
            if (from.isAfter(to) || ChronoUnit.DAYS.between(from, to) >= 366) {
                throw new IllegalArgumentException("from must not be after to, and the period at most 366 days");
            }
            FeedbackAnswers.Page page = answers.between(from.atStartOfDay(storeZone).toInstant(),
                    to.plusDays(1).atStartOfDay(storeZone).toInstant(), met(query.get("met")),
                    Optional.ofNullable(query.get("next")).filter(n -> !n.isBlank()).map(String::trim),
                    limit(query.get("limit")));
            Table table = new Table(COLUMNS).next(page.next());
            page.answers().forEach(answer -> table.add(row(answer)));
            return format.answer(table, "order-feedback-" + from + "-to-" + to);
        } catch (IllegalArgumentException bad) {
            return HttpAnswer.json(400, JSON.createObjectNode().put("error", bad.getMessage()).toString());
        }
    }

    private static List<String> row(FeedbackAnswer answer) {
        return List.of(answer.answeredAt().toString(), answer.orderId(), answer.customerId(),
                answer.met() ? "yes" : "no", answer.rating().map(String::valueOf).orElse(""),
                answer.comment().orElse(""), answer.via().name());
    }

    private static Optional<Boolean> met(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return switch (value.trim()) {
            case "yes" -> Optional.of(true);
            case "no" -> Optional.of(false);
            default -> throw new IllegalArgumentException("met must be yes or no, not '" + value + "'");
        };
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        if (!value.trim().matches("\\d{1,4}") || Integer.parseInt(value.trim()) < 1
                || Integer.parseInt(value.trim()) > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be a whole number from 1 to " + MAX_LIMIT);
        }
        return Integer.parseInt(value.trim());
    }
}
