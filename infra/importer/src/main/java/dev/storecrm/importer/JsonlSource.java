package dev.storecrm.importer;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.event.EventParser;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.platform.adapter.AdapterRejects;
import dev.storecrm.platform.adapter.StoreBus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A JSONL file of canonical events (contract versions 1 and 2, {@code events/README.md}), one event a line,
 * as a store's own export would write them: each is checked with the contract's parser and published
 * as it is, under its own id; a line the contract refuses is kept with the parser's reason. Blank
 * lines are skipped. Positions are line numbers.
 */
final class JsonlSource implements ImportSource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final StoreBus buffer;
    private final AdapterRejects rejects;

    JsonlSource(Path file, StoreBus buffer, AdapterRejects rejects) {
        this.file = file;
        this.buffer = buffer;
        this.rejects = rejects;
    }

    @Override
    public String fingerprint() {
        return "jsonl " + Fingerprints.of(List.of(file));
    }

    @Override
    public OptionalLong size() {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return OptionalLong.of(lines.filter(line -> !line.isBlank()).count());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @Override
    public Iterator<SourceRecord> records(String after) {
        long skip = after.isEmpty() ? 0 : Long.parseLong(after.substring("line:".length()));
        BufferedReader reader;
        try {
            reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        long[] number = {0};
        return Records.until(() -> {
            try {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    long at = ++number[0];
                    if (at > skip && !line.isBlank()) {
                        String event = line.strip();
                        return new SourceRecord("line:" + at, () -> publish(event, at));
                    }
                }
                reader.close();
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + " after line " + number[0], e);
            }
        });
    }

    private void publish(String line, long number) {
        try {
            EventParser.read(line, rejects.clock());
            buffer.publish(List.of(line));
        } catch (InvalidInputException refused) {
            Optional<JsonNode> event = parsed(line);
            rejects.refused(file.getFileName() + ":" + number,
                    event.map(e -> e.path("id").asText()).filter(id -> !id.isEmpty()),
                    event.map(e -> e.path("type").asText()).filter(type -> !type.isEmpty()),
                    new InvalidInputException(refused.reason(), file.getFileName() + " line " + number + ": "
                            + refused.detail()), line);
        }
    }

    private static Optional<JsonNode> parsed(String line) {
        try {
            return Optional.ofNullable(JSON.readTree(line)).filter(JsonNode::isObject);
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }
}
