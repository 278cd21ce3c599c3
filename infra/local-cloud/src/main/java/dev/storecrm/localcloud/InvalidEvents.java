package dev.storecrm.localcloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The invalid-event corpus of {@code events/invalid/}, as its README's table describes it: each file, the consumer
 * it is sent to ({@code member-archive}, {@code cart-recovery}, {@code disputes}, {@code privacy-requests}), the
 * reason it must be refused with, and who refuses it. Integration tests send the files to their consumers' queues.
 */
public record InvalidEvents(Path directory, List<Case> cases) {

    /** One row: a file, its consumer, the expected reason, who refuses it (schema and parser, parser, consumer). */
    public record Case(String file, String consumer, String reason, String refusedBy) {}

    /** The receiving clock of the corpus: events more than an hour after it are from the future. */
    public static final java.time.Instant RECEIVED_AT = java.time.Instant.parse("2026-11-23T00:00:00Z");

    public static InvalidEvents read() {
        Path directory = Template.projectRoot().resolve("events/invalid");
        List<Case> cases = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(directory.resolve("README.md"))) {
                String[] cells = line.split("\\|");
                if (cells.length >= 5 && cells[1].strip().endsWith(".json")) {
                    cases.add(new Case(cells[1].strip(), cells[2].strip(), cells[3].strip(), cells[4].strip()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new InvalidEvents(directory, List.copyOf(cases));
    }

    /** The cases sent to one consumer. */
    public List<Case> of(String consumer) {
        return cases.stream().filter(c -> c.consumer().equals(consumer)).toList();
    }

    /** A case's message body, exactly as the file holds it. */
    public String body(Case c) {
        try {
            return Files.readString(directory.resolve(c.file()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
