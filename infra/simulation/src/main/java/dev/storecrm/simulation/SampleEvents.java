package dev.storecrm.simulation;

import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.localcloud.CanonicalSamples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sample events of {@code events/}: the canonical samples (one folder per consumer) in the
 * order they happened, and the invalid samples of {@code events/invalid/} (poison messages).
 */
final class SampleEvents {

    /** A sample: its file, its JSON text, and when it happened. */
    record Sample(Path file, String json, OffsetDateTime occurredAt) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private SampleEvents() {}

    static List<Sample> canonical(Path events) {
        return CanonicalSamples.under(events).stream().map(SampleEvents::read)
                .sorted(Comparator.comparing((Sample s) -> s.occurredAt().toInstant()).thenComparing(Sample::file))
                .toList();
    }

    static List<Path> invalid(Path events) {
        try (Stream<Path> files = Files.list(events.resolve("invalid"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Sample read(Path file) {
        try {
            String json = Files.readString(file);
            JsonNode event = JSON.readTree(json);
            return new Sample(file, json, OffsetDateTime.parse(event.get("occurredAt").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
