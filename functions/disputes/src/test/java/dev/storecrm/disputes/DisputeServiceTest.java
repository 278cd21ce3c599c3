package dev.storecrm.disputes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.dispute.ChaseFiring;
import dev.storecrm.domain.dispute.DisputeKeys;
import dev.storecrm.domain.dispute.DisputeStatus;
import dev.storecrm.domain.dispute.HistoryEntry;
import dev.storecrm.domain.messaging.MessageRequest;
import dev.storecrm.domain.messaging.Recipient;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.StorePolicies;
import dev.storecrm.fixtures.events.DisputeOpenedBuilder;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.fixtures.memory.InMemoryDisputeWorkflow;
import dev.storecrm.fixtures.memory.InMemoryRejects;
import dev.storecrm.fixtures.time.TimeTravel;
import dev.storecrm.fixtures.triggers.SqsBatch;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.fixtures.memory.InMemoryErasedCustomers;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import dev.storecrm.platform.metrics.MetricsFactory;

/**
 * DisputeFunction's service with the dispute workflow in memory: a dispute on the store's own site
 * (the care team answers within 24 hours, reminded 4 hours before, escalated at the breach).
 */
class DisputeServiceTest {

    private static final Instant OPENED = Instant.parse("2026-11-23T02:00:00Z");

    private final SimulatedClock clock = new SimulatedClock(OPENED);
    private final InMemoryDisputeWorkflow workflow = new InMemoryDisputeWorkflow(StorePolicies.STORE_ZONE, clock);
    private final InMemoryErasedCustomers erased = new InMemoryErasedCustomers();
    private final DisputeService service = new DisputeService(workflow.recorder(), Currency.getInstance("CNY"), erased,
            clock);
    private final TimeTravel travel = new TimeTravel(clock, workflow.timers()).on(ChaseFiring.TARGET, service::handle);

    @Test
    void anOpenedDisputeIsAcknowledgedToTheCustomerAndItsChaseIsArmed() {
        assertEquals(DisputeService.Outcome.APPLIED, service.handle(opened().json()));

        MessageRequest ack = workflow.outbox().only(DisputeKeys.customer("d-1", "ack"));
        assertEquals("dispute-acknowledged", ack.templateId());
        assertEquals(new Recipient.Member("c-1"), ack.recipient());
        assertEquals(List.of(Instant.parse("2026-11-23T22:00:00Z")),
                workflow.timers().armed().stream().map(t -> t.dueAt()).toList(), "4 hours before the 24 hours run out");
    }

    @Test
    void aDisputeOpenedForAnErasedCustomerIsRefusedAsErasedAndAcknowledgedToNoOne() {
        erased.marks.put("c-1", OPENED.minus(Duration.ofDays(1)));
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> service.handle(opened().json()));
        assertEquals(RejectReason.ERASED, refused.reason());
        assertEquals(List.of(), workflow.outbox().requests(), "no acknowledgement: no profile left to mail");
        assertTrue(workflow.timers().armed().isEmpty(), "no chase");
    }

    @Test
    void anUnansweredDisputeRemindsTheCareTeamThenEscalatesAtTheBreach() {
        service.handle(opened().json());
        travel.by(Duration.ofDays(2));

        List<MessageRequest> chase = workflow.outbox().requests().subList(1, workflow.outbox().requests().size());
        assertEquals(List.of("dispute-deadline-reminder", "dispute-deadline-breached"),
                chase.stream().map(MessageRequest::templateId).toList());
        assertEquals(List.of(InMemoryDisputeWorkflow.AGENTS, InMemoryDisputeWorkflow.ESCALATION),
                chase.stream().map(r -> ((Recipient.Address) r.recipient()).email()).toList());
        assertTrue(workflow.timers().armed().isEmpty(), "nothing left to chase");
    }

    @Test
    void aSellerWhoAnswersInTimeIsNeitherRemindedNorEscalated() {
        service.handle(opened().json());
        clock.set(OPENED.plus(Duration.ofHours(3)));
        service.handle(Events.disputeUpdated("d-1").at(clock.instant()).status("negotiating").json());

        travel.by(Duration.ofDays(3));

        assertTrue(workflow.outbox().requests().stream().noneMatch(r -> r.templateId().startsWith("dispute-deadline")),
                workflow.outbox().keys().toString());
        assertEquals(DisputeStatus.negotiating, workflow.disputes().find("d-1", true).orElseThrow().value()
                .currentStatus().orElseThrow());
    }

    @Test
    void aRedeliveredEventChangesNothingAndHandsOnlyTheSameMessagesOver() {
        String event = opened().json();
        service.handle(event);

        assertEquals(DisputeService.Outcome.UNCHANGED, service.handle(event));

        assertEquals(List.of(HistoryEntry.Outcome.applied),
                workflow.history().of("d-1").stream().map(HistoryEntry::outcome).toList());
        assertEquals(List.of(DisputeKeys.customer("d-1", "ack"), DisputeKeys.customer("d-1", "ack")),
                workflow.outbox().keys(), "the sender sends a business key once");
    }

    @Test
    void moneyInAnotherCurrencyThanTheStoresIsRefusedAndNothingIsRecorded() {
        assertEquals(RejectReason.WRONG_CURRENCY, refused(opened().currency("USD").json()));
        assertTrue(workflow.disputes().find("d-1", true).isEmpty());
        assertTrue(workflow.outbox().requests().isEmpty());
    }

    @Test
    void aStatusThatCannotFollowTheCurrentOneIsRefusedAndKeptInTheHistory() {
        service.handle(opened().json());
        clock.set(OPENED.plus(Duration.ofHours(1)));
        service.handle(Events.disputeUpdated("d-1").at(clock.instant()).status("resolved").resolution("refunded")
                .json());
        clock.set(OPENED.plus(Duration.ofHours(2)));

        assertEquals(RejectReason.INVALID_TRANSITION,
                refused(Events.disputeUpdated("d-1").at(clock.instant()).status("negotiating").json()));
        assertEquals(HistoryEntry.Outcome.refused, workflow.history().of("d-1").getLast().outcome());
        assertEquals(DisputeStatus.resolved, workflow.disputes().find("d-1", true).orElseThrow().value()
                .currentStatus().orElseThrow());
    }

    @Test
    void anEventThatIsNotAboutADisputeWasRoutedHereByMistake() {
        assertEquals(RejectReason.NOT_FOR_THIS_CONSUMER, refused(Events.orderPaid("c-1", "o-1").at(OPENED).json()));
    }

    @Test
    void inABatchTheBadEventsAreKeptWithTheirReasonsAndTheGoodOneIsRecorded() {
        InMemoryRejects rejects = new InMemoryRejects();
        SqsBatchProcessor batch = new SqsBatchProcessor("disputes", rejects, MetricsFactory.getMetricsInstance(),
                clock);

        var response = batch.process(SqsBatch.of(opened().currency("EUR").json(), "{not json", opened().json())
                .event(), body -> service.handle(body).name());

        assertEquals(List.of(), response.getBatchItemFailures(), "bad input is refused, not retried");
        assertEquals(List.of(RejectReason.WRONG_CURRENCY, RejectReason.MALFORMED_JSON), rejects.reasons());
        assertTrue(workflow.disputes().find("d-1", true).isPresent());
    }

    private static DisputeOpenedBuilder opened() {
        return Events.disputeOpened("d-1").order("c-1", "o-1").at(OPENED);
    }

    private RejectReason refused(String body) {
        return assertThrows(InvalidInputException.class, () -> service.handle(body)).reason();
    }
}
