package dev.storecrm.carelists;

import dev.storecrm.domain.care.FollowUpBook;
import dev.storecrm.domain.care.FollowUpCall;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Recording a follow-up call made from a list ({@code POST /follow-ups}): the list, its month, the
 * member, the outcome and a note, under the caller's name. An IllegalArgumentException says what
 * is wrong with a request.
 */
final class FollowUps {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("list", "month", "customerId", "outcome", "note");
    static final int NOTE_LIMIT = 1000;

    private final FollowUpBook book;
    private final Clock clock;

    FollowUps(FollowUpBook book, Clock clock) {
        this.book = book;
        this.clock = clock;
    }

    /** Records the call of a request body; the call as stored, as JSON. */
    String record(String body, String caller) {
        JsonNode request;
        try {
            request = JSON.readTree(body == null ? "" : body);
        } catch (IOException e) {
            throw new IllegalArgumentException("the body is not valid JSON");
        }
        if (request == null || !request.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object with list, month, customerId, outcome");
        }
        request.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown field " + name + " (fields: " + FIELDS + ")");
            }
        });
        String list = text(request, "list");
        if (!FollowUpCall.LISTS.contains(list)) {
            throw new IllegalArgumentException("list must be birthdays or dormant, not '" + list + "'");
        }
        YearMonth month;
        try {
            month = YearMonth.parse(text(request, "month"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("month must be a calendar month such as 2026-06");
        }
        String customerId = text(request, "customerId");
        if (!customerId.matches("[A-Za-z0-9._:@+=#/-]{1,128}")) {
            throw new IllegalArgumentException("customerId is not a customer id");
        }
        FollowUpCall.Outcome outcome = Arrays.stream(FollowUpCall.Outcome.values())
                .filter(o -> o.name().equals(text(request, "outcome"))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("outcome must be one of "
                        + Arrays.toString(FollowUpCall.Outcome.values())));
        Optional<String> note = Optional.ofNullable(request.get("note")).filter(JsonNode::isTextual)
                .map(JsonNode::asText);
        if (note.isPresent() && (note.get().length() > NOTE_LIMIT || note.get().indexOf('\u0000') >= 0)) {
            throw new IllegalArgumentException("note must be at most " + NOTE_LIMIT + " characters of text");
        }
        FollowUpCall call = new FollowUpCall(list, month, customerId, outcome, note, caller, clock.instant());
        book.record(call);
        ObjectNode stored = JSON.createObjectNode().put("list", list).put("month", month.toString())
                .put("customerId", customerId).put("outcome", outcome.name()).put("by", caller)
                .put("at", call.at().toString());
        call.note().ifPresent(n -> stored.put("note", n));
        return stored.toString();
    }

    private static String text(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(field + " is required (text)");
        }
        return value.asText().trim();
    }
}
