package dev.storecrm.importer;

import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.platform.batch.RejectStore;
import dev.storecrm.platform.batch.RejectedMessage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where an import keeps what it could not publish: one JSON line per refused record (or part of
 * one), naming the record (file and row, or the platform's id), the reason, a detail that names the
 * column or field at fault (never its value), and the record itself, to fix and import again. The
 * file holds the store's own data (names, addresses) and stays where the input is. A record kept
 * before (an import resumed or run again) is kept once.
 */
final class FileRejects implements RejectStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXAMPLES = 10;

    private final Path file;
    private final Set<String> kept = new HashSet<>();
    private final Map<RejectReason, Integer> byReason = new EnumMap<>(RejectReason.class);
    private final List<String> examples = new ArrayList<>();

    /** @param resume whether to go on with the file of an interrupted import (otherwise it starts empty) */
    FileRejects(Path file, boolean resume) {
        this.file = file;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (resume && Files.isRegularFile(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    JsonNode kept = JSON.readTree(line);
                    count(kept.path("record").asText(), RejectReason.valueOf(kept.path("reason").asText()),
                            kept.path("detail").asText());
                }
            } else {
                Files.writeString(file, "", StandardCharsets.UTF_8);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot use the rejects file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void keep(RejectedMessage message) {
        if (!count(message.messageId(), message.reason(), message.detail())) {
            return;
        }
        String line = JSON.createObjectNode().put("record", message.messageId())
                .put("topic", message.eventType().orElse(null)).put("reason", message.reason().name())
                .put("detail", message.detail()).put("rejectedAt", message.rejectedAt().toString())
                .put("body", message.body()).toString();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
            out.write(line);
            out.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the rejects file " + file, e);
        }
    }

    private boolean count(String record, RejectReason reason, String detail) {
        if (!kept.add(record)) {
            return false;
        }
        byReason.merge(reason, 1, Integer::sum);
        if (examples.size() < EXAMPLES) {
            examples.add(reason + ": " + detail);
        }
        return true;
    }

    Path file() {
        return file;
    }

    long count() {
        return kept.size();
    }

    Map<RejectReason, Integer> byReason() {
        return Map.copyOf(byReason);
    }

    /** The first few reasons with their details (PII-free), for the report. */
    List<String> examples() {
        return List.copyOf(examples);
    }
}
