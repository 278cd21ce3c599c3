package dev.storecrm.caremail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.caremail.CareChase;
import dev.storecrm.domain.caremail.CareCustomers;
import dev.storecrm.domain.caremail.CareIntake;
import dev.storecrm.domain.caremail.CareMessages;
import dev.storecrm.domain.caremail.CareRules;
import dev.storecrm.domain.caremail.WorkingHours;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.domain.messaging.Recipient;
import dev.storecrm.domain.messaging.Timers;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.StorePolicies;
import dev.storecrm.fixtures.memory.InMemoryRejects;
import dev.storecrm.fixtures.memory.InMemoryTimers;
import dev.storecrm.fixtures.memory.RecordingOutbox;
import dev.storecrm.fixtures.triggers.SqsBatch;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.metrics.MetricsFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * CareMailService with in-memory ports: SES's receipt notification (bare or in its SNS envelope) leads to the raw
 * message it names and to the intake, a verdict refuses a mail before it is read, what is no receipt is kept with
 * its reason beside the rest of its batch, and the chase's firings reach the intake. What the intake makes of a
 * mail is CareIntakeTest's; the refusals of real mail through the local cloud are CareMailIT's.
 */
class CareMailServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant MONDAY_TEN = Instant.parse("2027-01-04T02:00:00Z");
    private static final String BUCKET = "storecrm-inbound-mail";

    private final SimulatedClock clock = new SimulatedClock(MONDAY_TEN);
    private final InMemoryConversations conversations = new InMemoryConversations();
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final InMemoryTimers timers = new InMemoryTimers();
    private final Map<String, byte[]> bucket = new HashMap<>();
    private final List<String> reads = new ArrayList<>();
    private final InMemoryRejects rejects = new InMemoryRejects();
    private final SqsBatchProcessor batch = new SqsBatchProcessor(CareMailWiring.CONSUMER, rejects,
            MetricsFactory.getMetricsInstance(), clock);
    private final CareMailService service = new CareMailService(intake(), (name, key) -> {
        reads.add(name + "/" + key);
        byte[] raw = bucket.get(name + "/" + key);
        if (raw == null) {
            throw new IllegalStateException("S3 answered 503 for " + key);
        }
        return raw;
    });

    @Test
    void aReceiptInItsSnsEnvelopeLeadsToTheRawMailItNamesWhichIsTakenOnce() {
        String notification = envelope(receipt("ses-1", "PASS", "PASS"));
        stored("ses-1", "m1@mail.example", "Which size fits me?");

        assertEquals(CareIntake.Outcome.OPENED, service.handle(notification));
        assertEquals(CareIntake.Outcome.DUPLICATE, service.handle(notification), "SNS delivered it again");

        assertEquals(List.of(BUCKET + "/inbound/ses-1", BUCKET + "/inbound/ses-1"), reads);
        String conversationId = CareIntake.conversationId("m1@mail.example");
        assertTrue(conversations.get(conversationId).isPresent());
        assertEquals(List.of(CareMessages.ackKey(conversationId)), outbox.keys().stream().distinct().toList(),
                "one acknowledgement (its repeat under the same key is the send ledger's to drop)");
    }

    @Test
    void aMailSesFoundAVirusInIsRefusedWithoutBeingRead() {
        SQSBatchResponse response = batch.process(SqsBatch.of(receipt("ses-2", "PASS", "FAIL")).event(),
                body -> service.handle(body).name());

        assertEquals(List.of(), response.getBatchItemFailures());
        assertEquals(List.of(RejectReason.REFUSED_MAIL), rejects.reasons());
        assertEquals("SES virus verdict FAIL; not answered", rejects.kept().getFirst().detail());
        assertEquals(List.of(), reads, "never fetched from the bucket");
        assertEquals(List.of(), outbox.keys(), "never answered");
    }

    @Test
    void whatIsNoReceiptIsKeptWithItsReasonAndTheMailBesideItIsTaken() {
        stored("ses-3", "m3@mail.example", "Where is my parcel?");
        ObjectNode lambdaAction = JSON.createObjectNode().put("type", "Lambda");
        ObjectNode notLambda = (ObjectNode) read(receipt("ses-4", "PASS", "PASS"));
        ((ObjectNode) notLambda.path("receipt")).set("action", lambdaAction);
        String bounce = receipt("ses-5", "PASS", "PASS").replace("\"Received\"", "\"Bounce\"");

        SQSBatchResponse response = batch.process(SqsBatch.of("{not json", "{\"orderId\":\"o-1\"}", bounce,
                notLambda.toString(), receipt("ses-3", "PASS", "PASS")).event(), body -> service.handle(body).name());

        assertEquals(List.of(), response.getBatchItemFailures(), "bad input is kept, not retried");
        assertEquals(List.of(RejectReason.MALFORMED_JSON, RejectReason.NOT_FOR_THIS_CONSUMER,
                RejectReason.NOT_FOR_THIS_CONSUMER, RejectReason.SCHEMA_VIOLATION), rejects.reasons());
        assertTrue(conversations.get(CareIntake.conversationId("m3@mail.example")).isPresent());
    }

    @Test
    void aRawMailTheBucketCannotServeIsRetriedNotRefused() {
        SQSBatchResponse response = batch.process(SqsBatch.single("m-1", receipt("ses-6", "PASS", "PASS")),
                body -> service.handle(body).name());

        assertEquals(List.of("m-1"), response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList(), "SQS delivers it again");
        assertEquals(List.of(), rejects.kept());
    }

    @Test
    void theChasesFiringReachesTheIntakeAndOneForAnAnsweredDeadlineDoesNothing() {
        stored("ses-7", "m7@mail.example", "Hello");
        service.handle(receipt("ses-7", "PASS", "PASS"));
        Timers.Timer chase = timers.armed().getFirst();
        clock.set(chase.dueAt());
        int before = outbox.keys().size();

        assertEquals(CareIntake.Outcome.CHASED, service.handle(chase.body()));
        assertEquals(before + 1, outbox.keys().size(), "the team reminded");
        assertEquals(CareIntake.Outcome.STALE_FIRING, service.handle(chase.body().replace(
                read(chase.body()).path("answerBy").asText(), MONDAY_TEN.toString())), "a deadline since moved");
    }

    private CareIntake intake() {
        CareCustomers nobody = new CareCustomers() {
            @Override
            public Optional<String> memberByEmail(String emailKey) {
                return Optional.empty();
            }

            @Override
            public Optional<String> ownerOf(String orderId, Optional<String> member) {
                return Optional.empty();
            }

            @Override
            public boolean hasOpenDispute(String customerId) {
                return false;
            }
        };
        CareRules rules = CareRules.load("");
        Recipient.Address team = new Recipient.Address("care@store.example", Optional.empty(), Optional.of("en"),
                Optional.of(StorePolicies.STORE_ZONE));
        return new CareIntake(conversations, nobody, new CareIntake.Policy(rules, WorkingHours.parse("", "",
                StorePolicies.STORE_ZONE), new CareChase(List.of(Duration.ofHours(1)))),
                new CareMessages(rules, team, team, StorePolicies.STORE_ZONE, "service@store.example"), outbox,
                timers, clock);
    }

    /** A plain text mail from a guest, as SES stored it under {@code inbound/<sesMessageId>}. */
    private void stored(String sesMessageId, String messageId, String text) {
        String raw = "From: Guest <guest@example.com>\r\nTo: service@store.example\r\nSubject: A question\r\n"
                + "Message-ID: <" + messageId + ">\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + text + "\r\n";
        bucket.put(BUCKET + "/inbound/" + sesMessageId, raw.getBytes(StandardCharsets.UTF_8));
    }

    private String receipt(String sesMessageId, String spam, String virus) {
        ObjectNode notification = JSON.createObjectNode().put("notificationType", "Received");
        notification.putObject("mail").put("messageId", sesMessageId).put("timestamp", clock.instant().toString())
                .put("source", "guest@example.com");
        ObjectNode receipt = notification.putObject("receipt");
        receipt.putArray("recipients").add("service@store.example");
        receipt.putObject("spamVerdict").put("status", spam);
        receipt.putObject("virusVerdict").put("status", virus);
        receipt.putObject("action").put("type", "S3").put("bucketName", BUCKET)
                .put("objectKey", "inbound/" + sesMessageId);
        return notification.toString();
    }

    private static String envelope(String message) {
        return JSON.createObjectNode().put("Type", "Notification").put("Message", message).toString();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
