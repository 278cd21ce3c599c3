package dev.storecrm.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.messaging.MessageRequest;
import dev.storecrm.domain.messaging.Recipient;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalCloudExtension;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.platform.sqs.SqsMessageOutbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pacing under a backlog: two SenderFunction instances (each its own handler and pacer, as Lambda runs them) drain
 * 60 requests with {@code SesMaxSendRate} 10. Counted, not timed: the SES emulator records when each send it
 * accepted arrived, and no second (any window of one second, not only whole clock seconds) holds more than 10.
 */
@ExtendWith(LocalCloudExtension.class)
class PacingIT {

    private static final Instant NOON_IN_SHANGHAI = Instant.parse("2026-11-23T04:00:00Z");
    private static final int RATE = 10;
    private static final int INSTANCES = 2;
    private static final int MESSAGES = 60;
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBacklogGoesOutWithinTheConfiguredSesRate(LocalCloud cloud) throws Exception {
        cloud.reset();
        SimulatedClock clock = new SimulatedClock(NOON_IN_SHANGHAI);
        Map<String, String> pacing = Map.of("SES_MAX_SEND_RATE", Integer.toString(RATE),
                "SENDER_MAX_INSTANCES", Integer.toString(INSTANCES));
        LocalFunctions functions = cloud.functions(clock, pacing);
        for (int m = 0; m < 10; m++) {
            cloud.eventBus().publish(Events.memberRegistered("c-pace-" + m).at("2026-11-01T00:00:00Z")
                    .email("pace." + m + "@example.com").name("Pace " + m).locale("en").timeZone("Asia/Shanghai")
                    .consent(true).json(), "test", clock.instant());
        }
        functions.drainAll();
        SqsMessageOutbox outbox = new SqsMessageOutbox(cloud.sqs(), cloud.queueUrl("OutboxQueue"),
                cloud.queueUrl("OutboxPriorityQueue"));
        List<MessageRequest> backlog = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            backlog.add(MessageRequest.transactional("ORDER#pace-" + i + "#follow-up", "order",
                    new Recipient.Member("c-pace-" + (i % 10)), "order-follow-up", Map.of("orderId", "pace-" + i),
                    clock.instant()));
        }
        outbox.enqueueAll(backlog);
        int before = cloud.acceptedSendTimes().size();

        List<LocalFunctions> senders = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            LocalFunctions instance = cloud.functions(clock, pacing);
            instance.handler("SenderFunction");
            senders.add(instance);
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(INSTANCES)) {
            List<Future<LocalFunctions.DrainReport>> drains = new ArrayList<>();
            for (LocalFunctions sender : senders) {
                drains.add(pool.submit(() -> sender.drain("SenderFunction")));
            }
            for (Future<LocalFunctions.DrainReport> drain : drains) {
                drain.get();
            }
        }

        List<Long> sends = cloud.acceptedSendTimes().subList(before, cloud.acceptedSendTimes().size()).stream()
                .sorted().toList();
        assertEquals(MESSAGES, sends.size(), "the whole backlog went");
        int busiest = 0;
        for (int start = 0, end = 0; end < sends.size(); end++) {
            while (sends.get(end) - sends.get(start) >= SECOND) {
                start++;
            }
            busiest = Math.max(busiest, end - start + 1);
        }
        assertTrue(busiest <= RATE, "at most " + RATE + " sends in any second, SES counted " + busiest);
    }
}
