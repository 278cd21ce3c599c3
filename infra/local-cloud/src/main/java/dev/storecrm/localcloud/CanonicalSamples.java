package dev.storecrm.localcloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The samples of {@code events/} that are canonical events for the store bus: every JSON file outside the folders
 * {@code events/not-for-the-bus.txt} names (schemas, invalid input, SAM and SES events, function-URL requests), which
 * the domain's EventContractTest, which cannot see this module, reads too.
 */
public final class CanonicalSamples {

    private CanonicalSamples() {}

    /** The canonical samples under {@code events}, sorted by path. */
    public static List<Path> under(Path events) {
        try (Stream<Path> files = Files.walk(events)) {
            String notForTheBus = Files.readAllLines(events.resolve("not-for-the-bus.txt")).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .collect(Collectors.joining("|", "(", ")/.*"));
            return files.filter(p -> p.toString().endsWith(".json"))
                    .filter(p -> !events.relativize(p).toString().matches(notForTheBus))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
