package dev.storecrm.disputes;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.dispute.ChaseFiring;
import dev.storecrm.domain.dispute.DisputeChange;
import dev.storecrm.domain.dispute.DisputeRecorder;
import dev.storecrm.domain.event.DisputeEvent;
import dev.storecrm.domain.event.EventParser;
import dev.storecrm.domain.event.StoreEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles what arrives on the DisputeQueue: canonical DisputeOpened and DisputeUpdated events,
 * recorded through the {@link DisputeRecorder}, and the dispute chase's own timer firings. An
 * invalid transition is refused as {@code INVALID_TRANSITION} (kept in the RejectsTable, and in the
 * dispute's history); any other event type was routed here by mistake.
 */
public final class DisputeService {

    /** What handling a message did. */
    public enum Outcome { APPLIED, UNCHANGED, CHASED, STALE_FIRING }

    private static final Logger LOG = LoggerFactory.getLogger(DisputeService.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final DisputeRecorder recorder;

    public DisputeService(DisputeRecorder recorder) {
        this.recorder = recorder;
    }

    public Outcome handle(String body) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(RejectReason.MALFORMED_JSON, "not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (ChaseFiring.isFiring(node)) {
            ChaseFiring firing = ChaseFiring.read(node);
            DisputeRecorder.Firing fired = recorder.fire(firing);
            LOG.info("chase timer fired", entry("disputeId", firing.disputeId()), entry("deadline", firing.deadline()),
                    entry("step", firing.step()), entry("outcome", fired.name()));
            return fired == DisputeRecorder.Firing.CHASED ? Outcome.CHASED : Outcome.STALE_FIRING;
        }
        StoreEvent event = node == null || node.isMissingNode() ? EventParser.parse(body) : EventParser.parse(node);
        if (!(event instanceof DisputeEvent dispute)) {
            throw new InvalidInputException(RejectReason.NOT_FOR_THIS_CONSUMER, event.meta().type()
                    + " is not a dispute event; check the event bus rule that routed it here");
        }
        return switch (recorder.record(DisputeChange.of(dispute))) {
            case DisputeRecorder.Result.Recorded recorded -> {
                LOG.info("dispute changed", entry("disputeId", dispute.disputeId()), entry("eventId", dispute.meta().id()),
                        entry("status", recorded.dispute().currentStatus().map(Enum::name).orElse("unknown")));
                yield Outcome.APPLIED;
            }
            case DisputeRecorder.Result.Unchanged unchanged -> Outcome.UNCHANGED;
            case DisputeRecorder.Result.Refused refused -> throw new InvalidInputException(
                    RejectReason.INVALID_TRANSITION, refused.reason());
            case DisputeRecorder.Result.NotFound notFound -> throw new IllegalStateException(
                    "events create disputes; " + notFound.disputeId() + " cannot be missing");
        };
    }
}
