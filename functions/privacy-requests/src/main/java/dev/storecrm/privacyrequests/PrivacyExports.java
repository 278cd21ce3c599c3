package dev.storecrm.privacyrequests;

import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ArrayNode;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.domain.privacy.PersonalData;
import dev.storecrm.domain.privacy.PersonalData.Part;
import dev.storecrm.domain.privacy.PersonalData.Section;
import dev.storecrm.platform.http.Html;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * A member's export: every part of {@link PersonalData}, as JSON and as a readable HTML page (every value escaped).
 * Bounded: a part holds at most {@link #RECORDS} records and about {@link #BYTES} bytes of JSON; a part that had
 * more says {@code "truncated": true} (the page says so in words), so one export stays under 400 KB however long
 * the member's history (docs/privacy.md, "Export").
 */
final class PrivacyExports {

    static final int RECORDS = 200;
    static final int BYTES = 32 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PersonalData data;

    PrivacyExports(PersonalData data) {
        this.data = data;
    }

    /** The export of one member as of {@code at}; {@code found} is false when the archive has no such member. */
    ObjectNode export(String customerId, Instant at) {
        ObjectNode export = JSON.createObjectNode().put("customerId", customerId).put("generatedAt", at.toString());
        export.putObject("limits").put("recordsPerPart", RECORDS).put("bytesPerPart", BYTES);
        ObjectNode parts = export.putObject("parts");
        boolean found = false;
        for (Part part : Part.values()) {
            Section section = data.read(customerId, part, RECORDS);
            found |= part == Part.PROFILE && !section.records().isEmpty();
            ObjectNode node = parts.putObject(name(part));
            ArrayNode records = node.putArray("records");
            boolean truncated = section.truncated();
            int bytes = 0;
            for (Map<String, Object> record : section.records()) {
                JsonNode value = JSON.valueToTree(record);
                bytes += value.toString().getBytes(StandardCharsets.UTF_8).length;
                if (bytes > BYTES) {
                    truncated = true;
                    break;
                }
                records.add(value);
            }
            node.put("truncated", truncated);
        }
        export.put("found", found);
        return export;
    }

    /** The part's name in the export: {@code WIN_BACK} is {@code winBack}. */
    static String name(Part part) {
        String[] words = part.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.toString();
    }

    /** The export as a page a person reads: one section per part, each record a definition list. */
    static String html(JsonNode export) {
        String customer = Html.escape(export.path("customerId").asText());
        StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Personal data held about ").append(customer).append("</title></head><body>\n")
                .append("<h1>Personal data held about ").append(customer).append("</h1>\n<p>Generated at ")
                .append(Html.escape(export.path("generatedAt").asText())).append(".</p>\n");
        Iterator<Map.Entry<String, JsonNode>> parts = export.path("parts").fields();
        while (parts.hasNext()) {
            Map.Entry<String, JsonNode> part = parts.next();
            JsonNode records = part.getValue().path("records");
            page.append("<section><h2>").append(Html.escape(part.getKey())).append(" (").append(records.size())
                    .append(")</h2>\n");
            if (part.getValue().path("truncated").asBoolean()) {
                page.append("<p class=\"truncated\">Truncated: more records are held than this export shows (at most ")
                        .append(RECORDS).append(" records and ").append(BYTES / 1024).append(" KB a part).</p>\n");
            }
            records.forEach(record -> value(page, record));
            page.append("</section>\n");
        }
        return page.append("</body></html>\n").toString();
    }

    private static void value(StringBuilder page, JsonNode value) {
        if (value.isObject()) {
            page.append("<dl>");
            value.fields().forEachRemaining(field -> {
                page.append("<dt>").append(Html.escape(field.getKey())).append("</dt><dd>");
                value(page, field.getValue());
                page.append("</dd>");
            });
            page.append("</dl>\n");
        } else if (value.isArray()) {
            page.append("<ol>");
            value.forEach(element -> {
                page.append("<li>");
                value(page, element);
                page.append("</li>");
            });
            page.append("</ol>");
        } else {
            page.append(Html.escape(value.asText()));
        }
    }
}
