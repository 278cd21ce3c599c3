package dev.storecrm.cartrecovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.localcloud.Template;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The samples of events/cart-recovery/ are what the function reads (EventContractTest checks their SAM batch). */
class CartSamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EVENTS = Template.projectRoot().resolve("events");

    private static List<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(EVENTS.resolve("cart-recovery"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void everyCartSampleIsReadAsTheEventItIs() throws IOException {
        for (Path sample : samples()) {
            CartRecoveryInput input = CartRecoveryInput.read(Files.readString(sample),
                    Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC));
            CartRecoveryInput.Event event = assertInstanceOf(CartRecoveryInput.Event.class, input, sample.toString());
            assertEquals(JSON.readTree(sample.toFile()).get("type").asText(), event.event().meta().type().name());
        }
    }
}
