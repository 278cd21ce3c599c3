package dev.storecrm.carelists;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Full exports as jobs: asked for with {@code POST /exports} (the request is checked, its record written and
 * a message put on the ListExportQueue, answered at once with {@code 202} and the job's id), written by
 * ListExportFunction ({@link ListExportService}), and followed with {@code GET /exports/{id}} until its record
 * says {@code done}, when the answer carries a short-lived link. A list of any length fits this way: the
 * staff API answers within its 30 seconds, the file takes as long as its rows need. Records and files live
 * in the exports' bucket ({@code exports/<id>.json}, {@code exports/<id>/<file>.csv}) and go with it after a
 * day. An export that has not finished {@code giveUpAfter} after it was asked for (its retries spent, the
 * message dead-lettered) is answered as failed.
 */
final class ExportJobs {

    /** Where a job's message goes: the ListExportQueue on AWS. */
    interface Queue {
        void send(String body);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final ExportStore store;
    private final Queue queue;
    private final Duration linkValidFor;
    private final Duration giveUpAfter;
    private final Clock clock;

    ExportJobs(ExportStore store, Queue queue, Duration linkValidFor, Duration giveUpAfter, Clock clock) {
        this.store = store;
        this.queue = queue;
        this.linkValidFor = linkValidFor;
        this.giveUpAfter = giveUpAfter;
        this.clock = clock;
    }

    /** Records the export as running and queues it; answers its record. */
    ObjectNode start(ExportRequest request) {
        String id = UUID.randomUUID().toString();
        ObjectNode job = JSON.createObjectNode().put("id", id).put("status", "running")
                .put("file", request.name() + ".csv").put("requestedAt", clock.instant().toString());
        job.setAll(request.json());
        store.put(recordKey(id), job.toString());
        queue.send(job.toString());
        return answer(job);
    }

    /** The export's record as staff see it (with the link once it is done), or empty for an unknown id. */
    Optional<ObjectNode> status(String id) {
        if (!ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return store.read(recordKey(id)).map(ExportJobs::object).map(this::answer);
    }

    /** A queued job's message (its record as it was asked for); an InvalidInputException when it is not one. */
    Job job(String body) {
        try {
            ObjectNode record = object(body);
            String id = record.path("id").asText("");
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException("no export id");
            }
            return new Job(id, request(record), record);
        } catch (RuntimeException e) {
            throw new InvalidInputException(RejectReason.SCHEMA_VIOLATION, "not an export job: " + e.getMessage());
        }
    }

    /** An export to write: the id its record and file are kept under, what to write, and its record. */
    record Job(String id, ExportRequest request, ObjectNode record) {
        String fileKey() {
            return "exports/" + id + "/" + request.name() + ".csv";
        }
    }

    /** Records the job as done, with what was written (a message delivered twice writes the same again). */
    void finished(Job job, ListExport.Exported exported) {
        ObjectNode record = job.record().deepCopy().put("status", "done").put("rows", exported.rows())
                .put("bytes", exported.bytes()).put("finishedAt", clock.instant().toString());
        store.put(recordKey(job.id()), record.toString());
    }

    private ObjectNode answer(ObjectNode record) {
        ObjectNode answer = record.deepCopy();
        String id = record.path("id").asText();
        answer.put("statusUrl", "/exports/" + id);
        Instant now = clock.instant();
        switch (record.path("status").asText()) {
            case "done" -> {
                Job job = new Job(id, request(record), record);
                answer.put("url", store.link(job.fileKey(), linkValidFor).toString())
                        .put("expiresAt", now.plus(linkValidFor).toString());
            }
            case "running" -> {
                Instant asked = Instant.parse(record.path("requestedAt").asText());
                if (now.isAfter(asked.plus(giveUpAfter))) {
                    answer.put("status", "failed").put("error", "the export did not finish within "
                            + giveUpAfter.toMinutes() + " minutes, retries included; ask for it again, and if it "
                            + "fails again, see ListExportFunction's logs and dead-letter queue");
                }
            }
            default -> { }
        }
        return answer;
    }

    private static ExportRequest request(ObjectNode record) {
        return new ExportRequest(record.path("list").asText(""), YearMonth.parse(record.path("month").asText("")),
                record.path("kind").asText("birthday"));
    }

    private static String recordKey(String id) {
        return "exports/" + id + ".json";
    }

    private static ObjectNode object(String json) {
        try {
            if (JSON.readTree(json) instanceof ObjectNode record) {
                return record;
            }
            throw new IllegalArgumentException("an export record is a JSON object");
        } catch (IOException e) {
            throw new IllegalArgumentException("an export record is not JSON", e);
        }
    }
}
