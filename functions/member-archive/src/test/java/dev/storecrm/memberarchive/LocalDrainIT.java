package dev.storecrm.memberarchive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalCloudExtension;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.localcloud.Template;
import java.nio.file.Files;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The local runner's {@code drainAll} polls only the queues something may have become visible in
 * since it last found them empty: it must still deliver every message, including one another
 * consumer received and left to reappear after its visibility timeout.
 */
@ExtendWith(LocalCloudExtension.class)
class LocalDrainIT {

    private static final String EVENT = "events/member-archive/01-member-registered.json";

    @Test
    void drainingSkipsUnchangedQueuesButNeverAMessage(LocalCloud cloud) throws Exception {
        cloud.reset();
        LocalFunctions functions = cloud.functions(new SimulatedClock(Instant.parse("2026-11-23T00:00:00Z")));
        String queue = cloud.queueUrl("MemberArchiveQueue");
        assertEquals(0, messages(functions.drainAll()), "nothing to drain yet");

        String event = Files.readString(Template.projectRoot().resolve(EVENT));
        cloud.eventBus().publish(event, "storefront",
                Instant.parse("2026-11-23T00:00:00Z"));
        assertEquals(1, messages(functions.drainAll()), "a message sent since the queue was found empty");
        assertEquals(0, messages(functions.drainAll()));

        cloud.sqs().sendMessage(m -> m.queueUrl(queue).messageBody(event));
        // Someone else takes it for a second and lets it go back: it reappears with no new send.
        assertEquals(1, cloud.sqs().receiveMessage(r -> r.queueUrl(queue).visibilityTimeout(1)).messages().size());
        assertEquals(0, messages(functions.drainAll()), "invisible while the other consumer holds it");
        Thread.sleep(2_100);
        assertEquals(1, messages(functions.drainAll()), "back after its visibility timeout, and delivered");
        assertEquals(0, cloud.queueDepth("MemberArchiveQueue"));
    }

    private static int messages(LocalFunctions.DrainReport report) {
        return report.messages().getOrDefault("MemberArchiveFunction", 0);
    }
}
