package dev.storecrm.carelists;

import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.regex.Pattern;

/**
 * One full export: the id its record ({@code exports/<id>.json}) and file ({@code exports/<id>/<file>.csv}) are
 * kept under, what to write, and its record. The message ListExportFunction gets is the record as it was asked
 * for ({@link ExportJobs#start}); the function writes it back as done.
 */
record ExportJob(String id, ExportRequest request, ObjectNode record) {

    static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A record or queued message; an IllegalArgumentException (or a parse failure) when it is not one. */
    static ExportJob of(String json) {
        ObjectNode record;
        try {
            if (!(JSON.readTree(json) instanceof ObjectNode node)) {
                throw new IllegalArgumentException("an export record is a JSON object");
            }
            record = node;
        } catch (IOException e) {
            throw new IllegalArgumentException("an export record is not JSON", e);
        }
        String id = record.path("id").asText("");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("no export id");
        }
        return new ExportJob(id, new ExportRequest(record.path("list").asText(""),
                YearMonth.parse(record.path("month").asText("")), record.path("kind").asText("birthday")), record);
    }

    static String recordKey(String id) {
        return "exports/" + id + ".json";
    }

    String fileKey() {
        return "exports/" + id + "/" + request.name() + ".csv";
    }

    /** The record once the file is written: what was written, and when. */
    ObjectNode done(ListExport.Exported exported, Instant at) {
        return record.deepCopy().put("status", "done").put("rows", exported.rows()).put("bytes", exported.bytes())
                .put("finishedAt", at.toString());
    }
}
