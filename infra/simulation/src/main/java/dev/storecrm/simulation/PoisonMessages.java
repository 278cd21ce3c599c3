package dev.storecrm.simulation;

import dev.storecrm.localcloud.LocalCloud;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The faults' poison messages: what no producer should send, put straight onto the consumer queues. */
final class PoisonMessages {

    private PoisonMessages() {}

    /** The invalid samples of events/invalid/, each onto each consumer queue of store events, spread over the run. */
    static List<Planned> plan(LocalCloud cloud, Instant start, Instant end) {
        List<Planned> messages = new ArrayList<>();
        Path invalid = dev.storecrm.localcloud.Template.projectRoot().resolve("events/invalid");
        List<Path> files;
        try (var list = Files.list(invalid)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> queues = List.of("MemberArchiveQueue", "CartRecoveryQueue", "DisputeQueue", "LoyaltyQueue");
        long span = Duration.between(start, end).toMinutes();
        int n = 0;
        for (Path file : files) {
            String body;
            try {
                body = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (String queue : queues) {
                if (routedTo(cloud, body, start).contains(queue)) {
                    continue; // what the bus itself delivers to this queue is no poison there
                }
                Instant at = start.plus(Duration.ofMinutes((span * ++n) / (files.size() * queues.size() + 1)));
                messages.add(new Planned.Poison(at, queue, body, file.getFileName().toString()));
            }
        }
        return messages;
    }

    private static List<String> routedTo(LocalCloud cloud, String body, Instant at) {
        try {
            var detail = new dev.storecrm.domain.json.tree.ObjectMapper().readTree(body);
            return cloud.eventBus().route(cloud.eventBus().envelope(detail, StoreEvents.SOURCE, at));
        } catch (IOException notJson) {
            return List.of();
        }
    }
}
