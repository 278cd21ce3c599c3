package dev.storecrm.domain.event;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The time windows of the event contract (documented in {@code events/README.md} and in the JSON Schemas, which
 * {@code EventContractTest} holds equal to these constants). A date outside its window is refused as
 * {@link RejectReason#DATE_OUT_OF_RANGE}:
 * <ul>
 *   <li>every date-time in an event is written with a year from {@link #EARLIEST_YEAR} to {@link #LATEST_YEAR}:
 *       history back to 2000 can be imported, and a year 0000 or 9999 never is;</li>
 *   <li>{@code occurredAt} is at most {@link #MAX_AHEAD_OF_RECEIPT} ahead of the receiving consumer's clock (a
 *       producer's clock may run a little fast; an event from further ahead would outrank every real one); late
 *       delivery and imported history are fine however late, back to 2000;</li>
 *   <li>a dispute's {@code evidenceDueBy} lies within {@link #EVIDENCE_WINDOW} after the opening: on DisputeOpened
 *       after its {@code occurredAt}, on DisputeUpdated no later than {@code occurredAt} plus the window (the
 *       update follows the opening), and against the recorded opening once it is known;</li>
 *   <li>a privacy request's {@code deadline} lies after the request ({@code occurredAt}) and within
 *       {@link #PRIVACY_DEADLINE_WINDOW} of it (the laws' longest answer times, extensions included, are shorter).</li>
 * </ul>
 */
public final class EventLimits {

    /** The earliest year any date-time in an event may be written with. */
    public static final int EARLIEST_YEAR = 2000;
    /** The latest year any date-time in an event may be written with. */
    public static final int LATEST_YEAR = 2099;
    /** How far an event's {@code occurredAt} may lie ahead of the receiving clock. */
    public static final Duration MAX_AHEAD_OF_RECEIPT = Duration.ofHours(1);
    /** How long after a dispute's opening its evidence deadline may lie. */
    public static final Duration EVIDENCE_WINDOW = Duration.ofDays(180);
    /** How long after a privacy request its deadline may lie. */
    public static final Duration PRIVACY_DEADLINE_WINDOW = Duration.ofDays(180);

    private EventLimits() {}

    /** Whether the year a date-time is written with lies in the contract's years. */
    public static boolean inContractYears(OffsetDateTime at) {
        return at.getYear() >= EARLIEST_YEAR && at.getYear() <= LATEST_YEAR;
    }

    /** Refuses an event that says it happened further ahead of the receiving clock than allowed. */
    static void requireNotAhead(OffsetDateTime occurredAt, Instant receivedAt) {
        if (occurredAt.toInstant().isAfter(receivedAt.plus(MAX_AHEAD_OF_RECEIPT))) {
            throw new InvalidInputException(RejectReason.DATE_OUT_OF_RANGE, "occurredAt is more than "
                    + MAX_AHEAD_OF_RECEIPT.toMinutes() + " minutes ahead of the receiving clock (check the producer's"
                    + " clock and UTC offset)");
        }
    }

    /** Refuses a DisputeOpened whose evidence deadline is not after the opening, within the window. */
    static void requireEvidenceAfterOpening(String field, Instant openedAt, Instant dueBy) {
        if (!isEvidenceWindow(openedAt, dueBy)) {
            throw new InvalidInputException(RejectReason.DATE_OUT_OF_RANGE, field + " must lie after the dispute's"
                    + " opening (occurredAt) and at most " + EVIDENCE_WINDOW.toDays() + " days after it");
        }
    }

    /** Refuses a DisputeUpdated whose evidence deadline lies further after the update than the window allows. */
    static void requireEvidenceNotBeyond(String field, Instant updatedAt, Instant dueBy) {
        if (dueBy.isAfter(updatedAt.plus(EVIDENCE_WINDOW))) {
            throw new InvalidInputException(RejectReason.DATE_OUT_OF_RANGE, field + " must lie at most "
                    + EVIDENCE_WINDOW.toDays() + " days after the dispute's opening, so at most that long after"
                    + " occurredAt");
        }
    }

    /** Refuses a privacy request whose deadline is not after the request, within the window. */
    static void requireDeadlineAfterRequest(String field, Instant requestedAt, Instant deadline) {
        if (!deadline.isAfter(requestedAt) || deadline.isAfter(requestedAt.plus(PRIVACY_DEADLINE_WINDOW))) {
            throw new InvalidInputException(RejectReason.DATE_OUT_OF_RANGE, field + " must lie after the request"
                    + " (occurredAt) and at most " + PRIVACY_DEADLINE_WINDOW.toDays() + " days after it");
        }
    }

    /** Whether an evidence deadline lies after an opening and within the window. */
    public static boolean isEvidenceWindow(Instant openedAt, Instant dueBy) {
        return dueBy.isAfter(openedAt) && !dueBy.isAfter(openedAt.plus(EVIDENCE_WINDOW));
    }
}
