package dev.storecrm.domain.dispute;

import static dev.storecrm.domain.dispute.DisputeFixtures.opened;
import static dev.storecrm.domain.dispute.DisputeFixtures.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storecrm.domain.ConcurrentUpdateException;
import dev.storecrm.domain.Revisioned;
import dev.storecrm.domain.event.DisputeEvent.Reason;
import dev.storecrm.domain.event.Stamp;
import dev.storecrm.domain.golive.GoLivePolicy;
import dev.storecrm.domain.messaging.MessageOutbox;
import dev.storecrm.domain.messaging.MessageRequest;
import dev.storecrm.domain.messaging.Recipient;
import dev.storecrm.domain.messaging.Timers;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The recorder with in-memory ports and a fixed clock: timers, catch-up, stale firings, crash replay. */
class DisputeRecorderTest {

    private final Map<String, Revisioned<Dispute>> disputes = new HashMap<>();
    private final Map<String, TreeMap<String, HistoryEntry>> history = new HashMap<>();
    private final List<MessageRequest> sent = new ArrayList<>();
    private final Map<String, Timers.Timer> timers = new HashMap<>();
    private boolean outboxDown;
    private GoLivePolicy goLive = GoLivePolicy.none();

    private DisputeRecorder recorderAt(String now) {
        ChasePlanner planner = new ChasePlanner(DisputeFixtures.bundled(), DisputeFixtures.SHANGHAI, goLive);
        ChaseContacts contacts = new ChaseContacts(
                new Recipient.Address("care@example.com", Optional.empty(), Optional.of("en"), Optional.empty()),
                new Recipient.Address("lead@example.com", Optional.empty(), Optional.of("en"), Optional.empty()),
                DisputeFixtures.SHANGHAI);
        MessageOutbox outbox = request -> {
            if (outboxDown) {
                throw new IllegalStateException("SQS is down");
            }
            sent.add(request);
        };
        Timers timerStore = new Timers() {
            @Override
            public void schedule(Timer timer) {
                timers.put(timer.id(), timer);
            }

            @Override
            public void scheduleNoLaterThan(Timer timer) {
                timers.merge(timer.id(), timer, (held, asked) -> held.dueAt().isAfter(asked.dueAt()) ? asked : held);
            }

            @Override
            public void cancel(String timerId) {
                timers.remove(timerId);
            }
        };
        return new DisputeRecorder(new Records(), new History(), planner,
                new DisputeMessages(planner, contacts, goLive), outbox, timerStore,
                Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
    }

    @Test
    void anOpeningAcknowledgesTheCustomerAndArmsTheTimerForTheFirstStep() {
        recorderAt("2026-11-12T02:00:30Z")
                .record(opened("d-1", "2026-11-12T02:00:00Z", "aliexpress", Reason.not_received, false));
        assertEquals(List.of("DISPUTE#d-1#ack"), keys());
        Timers.Timer timer = timers.get("dispute#d-1");
        assertEquals(Instant.parse("2026-11-13T02:00:00Z"), timer.dueAt(),
                "24 hours before the 48-hour response deadline");
        assertEquals("dispute", timer.target());
    }

    private static DisputeChange withContact(DisputeChange change, String email, String locale) {
        return new DisputeChange(change.disputeId(), change.stamp(), change.origin(), change.opening(), change.status(),
                change.resolution(), change.proposal(), change.evidenceDueBy(), change.note(), change.returnTracking(),
                change.actor(), Optional.of(new dev.storecrm.domain.event.CustomerContact(Optional.of(email),
                        Optional.of("Sample Buyer"), Optional.empty(), Optional.of(locale),
                        Optional.of("America/Sao_Paulo"))));
    }

    @Test
    void aCustomerWhoMayNotBeAMemberIsWrittenToAtTheNewestContactTheDisputeEventsCarried() {
        DisputeRecorder recorder = recorderAt("2026-11-12T02:00:30Z");
        recorder.record(withContact(opened("d-1", "2026-11-12T02:00:00Z", "aliexpress", Reason.not_received, false),
                "buyer@example.com", "en"));
        recorder.record(withContact(status("d-1", "2026-11-11T23:00:00Z", "e-old", null, null), "old@example.com",
                "en"));
        recorder.record(withContact(status("d-1", "2026-11-12T05:00:00Z", "e-neg", DisputeStatus.negotiating, null),
                "new@example.com", "pt-BR"));
        List<Recipient> to = sent.stream().map(MessageRequest::recipient).toList();
        assertEquals(2, to.size(), "the acknowledgement and the progress message: " + keys());
        Recipient.Customer ack = assertInstanceOf(Recipient.Customer.class, to.get(0));
        assertEquals("c-1", ack.customerId(), "the member's own address still wins if the archive has one");
        assertEquals("buyer@example.com", ack.contact().email());
        Recipient.Customer progress = assertInstanceOf(Recipient.Customer.class, to.get(1));
        assertEquals("new@example.com", progress.contact().email(), "the newest contact, not an older one");
        assertEquals(Optional.of("pt-BR"), progress.contact().locale());
        assertEquals(dev.storecrm.domain.messaging.Category.transactional, sent.get(1).category());

        recorder.record(opened("d-2", "2026-11-12T02:00:00Z", "aliexpress", Reason.not_received, false));
        assertEquals(new Recipient.Member("c-1"), sent.getLast().recipient(), "no contact: the member, as before");
    }

    @Test
    void theHistoryBeforeGoLiveSendsNothingAboutItsPastAndTheChaseGoesOnFromGoLive() {
        goLive = new GoLivePolicy(Optional.of(Instant.parse("2026-11-14T00:00:00Z")), GoLivePolicy.DEFAULT_RAMP);
        DisputeRecorder importing = recorderAt("2026-11-14T00:05:00Z");
        importing.record(opened("d-old", "2026-11-01T02:00:00Z", "aliexpress", Reason.not_received, false));
        importing.record(status("d-old", "2026-11-03T02:00:00Z", "e-old", DisputeStatus.resolved, Resolution.refunded));
        importing.record(opened("d-open", "2026-11-12T02:00:00Z", "aliexpress", Reason.not_received, false));
        assertEquals(List.of(), keys(), "no acknowledgement, apology or resolution of what the former system answered");
        assertEquals(null, timers.get("dispute#d-old"), "a dispute closed before go-live is not chased");
        Timers.Timer armed = timers.get("dispute#d-open");
        assertEquals(Instant.parse("2026-11-14T02:00:00Z"), armed.dueAt(),
                "the reminders due before go-live are skipped; the breach two hours after it is escalated");
        assertEquals(DisputeRecorder.Firing.CHASED,
                recorderAt("2026-11-14T02:01:00Z").fire(ChaseFiring.read(json(armed.body()))));
        recorderAt("2026-11-15T03:00:00Z").record(status("d-open", "2026-11-15T03:00:00Z", "e-live",
                DisputeStatus.resolved, Resolution.refunded));
        assertEquals(List.of("DISPUTE#d-open#seller-response-20261114T0200Z#breach", "DISPUTE#d-open#apology"), keys(),
                "after go-live the dispute is chased and its customer kept informed as any other");
    }

    @Test
    void aDeadlineReportedLateGetsOnlyItsLatestDueStepFromTheTimerAMinuteLater() {
        recorderAt("2026-11-15T00:00:00Z")
                .record(opened("d-1", "2026-11-12T02:00:00Z", "aliexpress", Reason.not_received, false));
        assertEquals(List.of("DISPUTE#d-1#ack"), keys(),
                "nothing chased yet: queued events may still show the deadline was met");
        Timers.Timer timer = timers.get("dispute#d-1");
        assertEquals(Instant.parse("2026-11-13T02:00:00Z"), timer.dueAt(),
                "armed for the earliest step due, filed for now");
        assertEquals(DisputeRecorder.Firing.CHASED,
                recorderAt("2026-11-15T00:01:00Z").fire(ChaseFiring.read(json(timer.body()))));
        assertEquals(List.of("DISPUTE#d-1#ack", "DISPUTE#d-1#seller-response-20261114T0200Z#breach",
                "DISPUTE#d-1#platform-step-in-20261117T1600Z#72h"), keys(),
                "the breach of the response deadline, not its reminders; the step-in's 72-hour reminder");
        assertEquals(Instant.parse("2026-11-16T16:00:00Z"), timers.get("dispute#d-1").dueAt());
    }

    @Test
    void aBacklogThatShowsTheDeadlineWasMetSendsNoFalseEscalation() {
        recorderAt("2026-11-15T00:00:00Z")
                .record(opened("d-1", "2026-11-12T02:00:00Z", "aliexpress", Reason.not_received, false));
        Timers.Timer armed = timers.get("dispute#d-1");
        recorderAt("2026-11-15T00:00:01Z").record(status("d-1", "2026-11-12T06:00:00Z", "e-refund",
                DisputeStatus.resolved, Resolution.refunded));
        assertEquals(DisputeRecorder.Firing.STALE,
                recorderAt("2026-11-15T00:01:00Z").fire(ChaseFiring.read(json(armed.body()))));
        assertEquals(List.of("DISPUTE#d-1#ack", "DISPUTE#d-1#apology"), keys(), "refunded in time: no escalation");
        assertEquals(null, timers.get("dispute#d-1"));
    }

    @Test
    void aFiringThatNoLongerMatchesTheDisputeIsIgnored() {
        recorderAt("2026-11-12T02:00:30Z")
                .record(opened("d-1", "2026-11-12T02:00:00Z", "aliexpress", Reason.not_received, false));
        ChaseFiring armed = ChaseFiring.read(json(timers.get("dispute#d-1").body()));
        recorderAt("2026-11-12T05:00:00Z")
                .record(status("d-1", "2026-11-12T05:00:00Z", "e-neg", DisputeStatus.negotiating, null));
        sent.clear();
        assertEquals(DisputeRecorder.Firing.STALE, recorderAt("2026-11-13T02:00:30Z").fire(armed));
        assertEquals(List.of(), sent, "the seller answered: the response reminder is not sent");
        assertEquals(DisputeRecorder.Firing.STALE, recorderAt("2026-11-13T02:00:30Z")
                .fire(new ChaseFiring("d-unknown", "x", Instant.EPOCH, "24h", Instant.EPOCH)));
    }

    @Test
    void aFiringSendsItsStepRecordsItAndArmsTheNext() {
        recorderAt("2026-11-12T02:00:30Z")
                .record(opened("d-1", "2026-11-12T02:00:00Z", "aliexpress", Reason.not_received, false));
        ChaseFiring armed = ChaseFiring.read(json(timers.get("dispute#d-1").body()));
        sent.clear();
        assertEquals(DisputeRecorder.Firing.CHASED, recorderAt("2026-11-13T02:01:00Z").fire(armed));
        assertEquals(List.of("DISPUTE#d-1#seller-response-20261114T0200Z#24h"), keys());
        assertEquals(Instant.parse("2026-11-13T22:00:00Z"), timers.get("dispute#d-1").dueAt(),
                "the 4-hour reminder next");
        assertEquals("reminder", history.get("d-1").lastEntry().getValue().kind());
    }

    @Test
    void aRedeliveredChangeWhoseMessagesWereLostInACrashSendsThemAgain() {
        DisputeChange opening = opened("d-1", "2026-11-12T02:00:00Z", "store", Reason.not_as_described, true);
        outboxDown = true;
        assertThrows(IllegalStateException.class, () -> recorderAt("2026-11-12T02:00:30Z").record(opening));
        assertEquals(1, history.get("d-1").size(), "the change was saved with its entry before the outbox failed");
        outboxDown = false;
        DisputeRecorder.Result again = recorderAt("2026-11-12T02:01:30Z").record(opening);
        assertInstanceOf(DisputeRecorder.Result.Unchanged.class, again);
        assertEquals(List.of("DISPUTE#d-1#ack"), keys(), "the entry's messages, replayed");
        assertEquals(1, history.get("d-1").size());
    }

    @Test
    void anOpeningThatArrivesAfterTheAgreementBringsTheAcknowledgementAndTheApology() {
        recorderAt("2026-11-16T08:00:00Z").record(status("d-1", "2026-11-16T07:00:00Z", "e-agreed",
                DisputeStatus.awaiting_return_shipment, null));
        assertEquals(List.of(), keys(), "no customer known yet");
        recorderAt("2026-11-16T08:00:01Z")
                .record(opened("d-1", "2026-11-16T02:00:00Z", "store", Reason.not_as_described, true));
        assertEquals(List.of("DISPUTE#d-1#ack", "DISPUTE#d-1#apology"), keys(),
                "the customer hears of the agreement as if the events had come in order");
        assertEquals("return-shipment", ChaseFiring.read(json(timers.get("dispute#d-1").body())).deadline());
    }

    private List<String> keys() {
        return sent.stream().map(MessageRequest::businessKey).toList();
    }

    private static dev.storecrm.domain.json.tree.JsonNode json(String text) {
        try {
            return new dev.storecrm.domain.json.tree.ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private final class Records implements DisputeRecords {
        @Override
        public Optional<Revisioned<Dispute>> find(String disputeId, boolean consistentRead) {
            return Optional.ofNullable(disputes.get(disputeId));
        }

        @Override
        public boolean save(Dispute dispute, Optional<Deadline> nearest, OptionalLong expectedRevision,
                            HistoryEntry entry, Optional<String> idempotencyKey) {
            Revisioned<Dispute> current = disputes.get(dispute.disputeId());
            HistoryEntry existing = history.computeIfAbsent(dispute.disputeId(), k -> new TreeMap<>())
                    .get(entry.seq().encode());
            if (existing != null && existing.outcome() == HistoryEntry.Outcome.applied) {
                return false;
            }
            if (current != null && (expectedRevision.isEmpty() || current.revision() != expectedRevision.getAsLong())) {
                throw new ConcurrentUpdateException(dispute.disputeId());
            }
            disputes.put(dispute.disputeId(), new Revisioned<>(dispute, expectedRevision.orElse(0) + 1));
            history.get(dispute.disputeId()).put(entry.seq().encode(), entry);
            return true;
        }
    }

    private final class History implements DisputeHistory {
        @Override
        public boolean append(HistoryEntry entry, Optional<String> idempotencyKey) {
            return history.computeIfAbsent(entry.disputeId(), k -> new TreeMap<>())
                    .putIfAbsent(entry.seq().encode(), entry) == null;
        }

        @Override
        public Optional<HistoryEntry> find(String disputeId, Stamp seq) {
            return Optional.ofNullable(history.getOrDefault(disputeId, new TreeMap<>()).get(seq.encode()));
        }

        @Override
        public Optional<HistoryEntry> byIdempotencyKey(String disputeId, String idempotencyKey) {
            return Optional.empty();
        }

        @Override
        public List<HistoryEntry> of(String disputeId) {
            return List.copyOf(history.getOrDefault(disputeId, new TreeMap<>()).values());
        }
    }
}
