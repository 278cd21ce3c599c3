package dev.storecrm.localcloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The samples of {@code events/} that are canonical events for the store bus: every JSON file outside the folders of
 * schemas, invalid input, SAM and SES events, and function-URL requests (the domain's EventContractTest, which cannot
 * see this module, keeps the same list).
 */
public final class CanonicalSamples {

    /** Folders of {@code events/} whose files are not canonical events for the store bus. */
    static final String NOT_FOR_THE_BUS =
            "(schemas|invalid|sam|ses|dispute-queue|member-view|care-lists|unsubscribe|points-redemption|loyalty"
                    + "|broadcasts|template-overrides|feedback-landing|[a-z]+-adapter)/.*";

    private CanonicalSamples() {}

    /** The canonical samples under {@code events}, sorted by path. */
    public static List<Path> under(Path events) {
        try (Stream<Path> files = Files.walk(events)) {
            return files.filter(p -> p.toString().endsWith(".json"))
                    .filter(p -> !events.relativize(p).toString().matches(NOT_FOR_THE_BUS))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
