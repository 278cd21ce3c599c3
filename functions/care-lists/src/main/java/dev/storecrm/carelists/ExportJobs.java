package dev.storecrm.carelists;

import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

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
        store.put(ExportJob.recordKey(id), job.toString());
        queue.send(job.toString());
        return answer(new ExportJob(id, request, job));
    }

    /** The export's record as staff see it (with the link once it is done), or empty for an unknown id. */
    Optional<ObjectNode> status(String id) {
        if (!ExportJob.ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return store.read(ExportJob.recordKey(id)).map(ExportJob::of).map(this::answer);
    }

    private ObjectNode answer(ExportJob job) {
        ObjectNode record = job.record();
        ObjectNode answer = record.deepCopy();
        answer.put("statusUrl", "/exports/" + job.id());
        Instant now = clock.instant();
        switch (record.path("status").asText()) {
            case "done" -> {
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
}
