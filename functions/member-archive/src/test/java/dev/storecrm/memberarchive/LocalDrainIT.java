package dev.storecrm.memberarchive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.localcloud.LocalStore;
import dev.storecrm.localcloud.Template;
import java.nio.file.Files;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The local runner's {@code drainAll} polls only the queues something may have become visible in
 * since it last found them empty: it must still deliver every message, including one another
 * consumer received and left to reappear after its visibility timeout.
 */
class LocalDrainIT {

    private static final String EVENT = "events/member-archive/01-member-registered.json";

    @RegisterExtension
    final LocalStore local = LocalStore.at("2026-11-23T00:00:00Z");

    @Test
    void drainingSkipsUnchangedQueuesButNeverAMessage() throws Exception {
        String queue = local.cloud().queueUrl("MemberArchiveQueue");
        assertEquals(0, messages(local.functions().drainAll()), "nothing to drain yet");

        String event = Files.readString(Template.projectRoot().resolve(EVENT));
        local.cloud().eventBus().publish(event, "storefront",
                Instant.parse("2026-11-23T00:00:00Z"));
        assertEquals(1, messages(local.functions().drainAll()), "a message sent since the queue was found empty");
        assertEquals(0, messages(local.functions().drainAll()));

        local.cloud().sqs().sendMessage(m -> m.queueUrl(queue).messageBody(event));
        // Someone else takes it for a second and lets it go back: it reappears with no new send.
        assertEquals(1, local.cloud().sqs().receiveMessage(r -> r.queueUrl(queue).visibilityTimeout(1)).messages()
                .size());
        assertEquals(0, messages(local.functions().drainAll()), "invisible while the other consumer holds it");
        Thread.sleep(2_100);
        assertEquals(1, messages(local.functions().drainAll()), "back after its visibility timeout, and delivered");
        assertEquals(0, local.cloud().queueDepth("MemberArchiveQueue"));
    }

    private static int messages(LocalFunctions.DrainReport report) {
        return report.messages().getOrDefault("MemberArchiveFunction", 0);
    }
}
