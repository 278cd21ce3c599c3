package dev.storecrm.domain.dispute;

import static dev.storecrm.domain.dispute.DisputeFixtures.opened;
import static dev.storecrm.domain.dispute.DisputeFixtures.proposal;
import static dev.storecrm.domain.dispute.DisputeFixtures.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.dispute.DisputeLifecycle.Outcome;
import dev.storecrm.domain.event.DisputeEvent.Party;
import dev.storecrm.domain.event.DisputeEvent.Reason;
import dev.storecrm.domain.event.EventLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The dispute lifecycle: valid stories converge in every order; invalid transitions are refused with reasons. */
class DisputeLifecycleTest {

    private static final List<DisputeChange> STORY = List.of(
            opened("d-1", "2026-11-16T02:00:00Z", "store", Reason.not_as_described, true),
            proposal("d-1", "2026-11-16T05:00:00Z", "e-offer", Party.seller, 10000),
            status("d-1", "2026-11-16T06:00:00Z", "e-neg", DisputeStatus.negotiating, null),
            status("d-1", "2026-11-16T07:00:00Z", "e-agreed", DisputeStatus.awaiting_return_shipment, null),
            status("d-1", "2026-11-19T03:00:00Z", "e-shipped", DisputeStatus.awaiting_return_receipt, null),
            proposal("d-1", "2026-11-20T03:00:00Z", "e-platform", Party.platform, 25800),
            status("d-1", "2026-11-21T03:00:00Z", "e-resolved", DisputeStatus.resolved, Resolution.refunded),
            status("d-1", "2026-11-28T03:00:00Z", "e-closed", DisputeStatus.closed, null));

    private static Optional<Dispute> applyAll(List<DisputeChange> changes) {
        Optional<Dispute> dispute = Optional.empty();
        for (DisputeChange change : changes) {
            Outcome outcome = DisputeLifecycle.apply(dispute, change);
            if (outcome instanceof Outcome.Refused refused) {
                throw new AssertionError("refused " + change.stamp() + ": " + refused.reason());
            }
            if (outcome instanceof Outcome.Applied applied) {
                dispute = Optional.of(applied.after());
            }
        }
        return dispute;
    }

    @Test
    void aValidStoryConvergesInEveryOrderWithDuplicates() {
        Dispute expected = applyAll(STORY).orElseThrow();
        assertEquals(DisputeStatus.closed, expected.currentStatus().orElseThrow());
        assertEquals(Resolution.refunded, expected.resolution().orElseThrow().value());
        assertEquals(3, expected.proposals().size());
        Random random = new Random(7);
        for (int run = 0; run < 500; run++) {
            List<DisputeChange> shuffled = new ArrayList<>(STORY);
            for (int duplicate = random.nextInt(4); duplicate > 0; duplicate--) {
                shuffled.add(STORY.get(random.nextInt(STORY.size())));
            }
            java.util.Collections.shuffle(shuffled, random);
            assertEquals(expected, applyAll(shuffled).orElseThrow(), "order " + shuffled.stream()
                    .map(c -> c.stamp().eventId()).toList());
        }
    }

    @Test
    void anOlderStatusIsKeptInTheHistoryButDoesNotMoveTheDisputeBack() {
        Dispute shipped = applyAll(List.of(STORY.get(0), STORY.get(4))).orElseThrow();
        Outcome late = DisputeLifecycle.apply(Optional.of(shipped), STORY.get(2));
        Outcome.Unchanged unchanged = assertInstanceOf(Outcome.Unchanged.class, late);
        assertTrue(unchanged.why().contains("older than the current status"), unchanged.why());
        assertEquals(DisputeStatus.awaiting_return_receipt, unchanged.dispute().currentStatus().orElseThrow());
    }

    @Test
    void aResolutionStandsWhateverOrderItArrivesIn() {
        Dispute resolved = applyAll(List.of(STORY.get(0), STORY.get(6))).orElseThrow();
        Dispute reopenedFirst = applyAll(List.of(STORY.get(0),
                status("d-1", "2026-11-22T00:00:00Z", "e-late-neg", DisputeStatus.negotiating, null), STORY.get(6)))
                .orElseThrow();
        assertEquals(DisputeStatus.resolved, reopenedFirst.currentStatus().orElseThrow(),
                "a negotiating status after the resolution, arriving first, is overruled by the resolution");
        assertEquals(resolved.resolution(), reopenedFirst.resolution());
    }

    @Test
    void invalidTransitionsAreRefusedWithTheirReason() {
        Dispute resolved = applyAll(List.of(STORY.get(0), STORY.get(6))).orElseThrow();
        assertRefused(resolved, status("d-1", "2026-11-22T00:00:00Z", "x1", DisputeStatus.negotiating, null),
                "is resolved; it cannot return to negotiating");
        assertRefused(resolved,
                status("d-1", "2026-11-22T00:00:00Z", "x2", DisputeStatus.resolved, Resolution.rejected),
                "already resolved as refunded");
        Dispute closed = applyAll(List.of(STORY.get(0), STORY.get(7))).orElseThrow();
        assertRefused(closed, status("d-1", "2026-11-29T00:00:00Z", "x3", DisputeStatus.escalated, null), "is closed");
        Dispute negotiating = applyAll(List.of(STORY.get(0), STORY.get(2))).orElseThrow();
        assertRefused(negotiating,
                status("d-1", "2026-11-17T00:00:00Z", "x4", DisputeStatus.awaiting_seller_confirmation, null),
                "once the seller has responded");
        assertRefused(negotiating, status("d-1", "2026-11-17T00:00:00Z", "x5", DisputeStatus.resolved, null),
                "needs a resolution");
        assertRefused(negotiating, status("d-1", "2026-11-17T00:00:00Z", "x6", DisputeStatus.escalated,
                Resolution.withdrawn), "a resolution comes with status resolved or closed");
    }

    @Test
    void aLateOrSkewedOpeningNeverRefusesAndOnlySeedsTheLifecycle() {
        Dispute negotiating = applyAll(List.of(
                status("d-1", "2026-11-16T01:00:00Z", "e-early", DisputeStatus.negotiating, null))).orElseThrow();
        Outcome outcome = DisputeLifecycle.apply(Optional.of(negotiating), STORY.get(0));
        Dispute opened = assertInstanceOf(Outcome.Applied.class, outcome).after();
        assertEquals(DisputeStatus.negotiating, opened.currentStatus().orElseThrow());
        assertEquals("c-1", opened.openCustomerId().orElseThrow(),
                "the opening names the customer whose marketing waits");
    }

    @Test
    void anEvidenceDeadlineOutsideTheWindowAfterTheRecordedOpeningIsRefused() {
        Dispute open = applyAll(List.of(STORY.get(0))).orElseThrow();
        Instant openedAt = Instant.parse("2026-11-16T02:00:00Z");
        for (Instant due : List.of(Instant.parse("2000-01-01T00:00:00Z"), openedAt,
                openedAt.plus(EventLimits.EVIDENCE_WINDOW).plusSeconds(1))) {
            Outcome outcome = DisputeLifecycle.apply(Optional.of(open), deadline(due));
            Outcome.Refused refused = assertInstanceOf(Outcome.Refused.class, outcome, due.toString());
            assertEquals(RejectReason.DATE_OUT_OF_RANGE, refused.code());
            assertTrue(refused.reason().contains("180 days"), refused.reason());
        }
        Outcome inWindow = DisputeLifecycle.apply(Optional.of(open), deadline(openedAt.plus(Duration.ofDays(7))));
        assertEquals(Optional.of(openedAt.plus(Duration.ofDays(7))), assertInstanceOf(Outcome.Applied.class, inWindow)
                .after().evidenceDueBy().map(Fact::value));
        assertEquals(RejectReason.INVALID_TRANSITION, new Outcome.Refused("a transition").code());
    }

    private static DisputeChange deadline(Instant due) {
        return new DisputeChange("d-1", DisputeFixtures.stamp("2026-11-17T00:00:00Z", "e-due-" + due),
                DisputeChange.Origin.updated, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(due), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static void assertRefused(Dispute dispute, DisputeChange change, String because) {
        Outcome outcome = DisputeLifecycle.apply(Optional.of(dispute), change);
        String reason = assertInstanceOf(Outcome.Refused.class, outcome).reason();
        assertTrue(reason.contains(because), reason);
    }
}
