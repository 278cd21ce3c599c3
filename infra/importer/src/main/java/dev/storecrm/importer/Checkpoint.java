package dev.storecrm.importer;

import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;

/**
 * How far an import got: the position of the last record all of whose events the bus accepted, and
 * the counts so far. Written to a small JSON file after published batches (and when the import is
 * interrupted), by replacing the file whole, so that a killed import leaves the last one intact; an
 * import resumed from it publishes again at most the records after that position, which the
 * consumers apply once (the canonical ids are derived from the source's ids).
 *
 * @param input    the input's fingerprint: {@code --resume} refuses a checkpoint of another input
 * @param position the source's position of the last record done; empty before the first
 */
record Checkpoint(String input, String position, long records, long events, long rejected, boolean complete,
                  Instant updatedAt) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Checkpoint start(String input, Instant now) {
        return new Checkpoint(input, "", 0, 0, 0, false, now);
    }

    /** After a batch: the last record it completed (if any), and what it added. */
    Checkpoint advanced(Optional<String> lastRecord, long moreRecords, long moreEvents, long rejectedNow, Instant now) {
        return new Checkpoint(input, lastRecord.orElse(position), records + moreRecords, events + moreEvents,
                rejectedNow, complete, now);
    }

    Checkpoint completed(long rejectedNow, Instant now) {
        return new Checkpoint(input, position, records, events, rejectedNow, true, now);
    }

    static Optional<Checkpoint> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            return Optional.of(new Checkpoint(node.path("input").asText(), node.path("position").asText(),
                    node.path("records").asLong(), node.path("events").asLong(), node.path("rejected").asLong(),
                    node.path("complete").asBoolean(), Instant.parse(node.path("updatedAt").asText())));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the checkpoint " + file + " cannot be read (" + e.getMessage()
                    + "); remove it to import from the start", e);
        }
    }

    void write(Path file) {
        ObjectNode node = JSON.createObjectNode().put("input", input).put("position", position).put("records", records)
                .put("events", events).put("rejected", rejected).put("complete", complete)
                .put("updatedAt", updatedAt.toString());
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            Files.writeString(temporary, node.toPrettyString() + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint " + file, e);
        }
    }
}
