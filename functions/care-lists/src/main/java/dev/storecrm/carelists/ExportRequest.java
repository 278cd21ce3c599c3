package dev.storecrm.carelists;

import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import java.io.IOException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * What a full export is asked for ({@code POST /exports}): a list ({@code birthdays} or {@code dormant}), its
 * month and, for the occasion lists, the occasion's kind. Checked when it is asked for, so that an export put
 * on the queue is one that can run; an IllegalArgumentException says what was wrong.
 */
record ExportRequest(String list, YearMonth month, String kind) {

    private static final Set<String> FIELDS = Set.of("list", "month", "kind");
    private static final ObjectMapper JSON = new ObjectMapper();

    ExportRequest {
        if (!list.equals("birthdays") && !list.equals("dormant")) {
            throw new IllegalArgumentException("list must be birthdays or dormant, not '" + list + "'");
        }
        BirthdayList.fileName(month, kind); // refuses a kind that is no occasion kind
    }

    /** The request's body ({@code list}, {@code month}: the current month when absent, {@code kind}: birthday). */
    static ExportRequest parse(String body, YearMonth currentMonth) {
        JsonNode request;
        try {
            request = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            throw new IllegalArgumentException("the body is not valid JSON");
        }
        if (request == null || !request.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object such as {\"list\":\"birthdays\","
                    + "\"month\":\"2026-06\"}");
        }
        request.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field) || !request.get(field).isTextual()) {
                throw new IllegalArgumentException("unknown or non-text field " + field + " (fields: " + FIELDS
                        + ")");
            }
        });
        String month = request.path("month").asText("").trim();
        YearMonth asked;
        try {
            asked = month.isEmpty() ? currentMonth : YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("month must be a calendar month such as 2026-06, not '" + month
                    + "'");
        }
        return new ExportRequest(request.path("list").asText(""), asked,
                request.path("kind").asText("birthday").trim());
    }

    /** The file's name without its extension, as the list's pages name it: {@code birthdays-2026-06}. */
    String name() {
        return list.equals("birthdays") ? BirthdayList.fileName(month, kind) : "dormant-" + month;
    }

    /** Its fields, for the job's record and message. */
    ObjectNode json() {
        ObjectNode node = JSON.createObjectNode().put("list", list).put("month", month.toString());
        return list.equals("birthdays") ? node.put("kind", kind) : node;
    }
}
