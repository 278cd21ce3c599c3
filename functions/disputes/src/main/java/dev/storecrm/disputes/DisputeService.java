package dev.storecrm.disputes;

import static dev.storecrm.platform.logging.LogField.entry;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.dispute.ChaseFiring;
import dev.storecrm.domain.dispute.DisputeChange;
import dev.storecrm.domain.dispute.DisputeRecorder;
import dev.storecrm.domain.event.DisputeEvent;
import dev.storecrm.domain.event.EventParser;
import dev.storecrm.domain.event.StoreEvent;
import dev.storecrm.domain.json.Json;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.JsonParser;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.money.Money;
import dev.storecrm.domain.privacy.ErasedCustomers;
import dev.storecrm.domain.privacy.ErasureRefusal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles what arrives on the DisputeQueue: canonical DisputeOpened and DisputeUpdated events,
 * recorded through the {@link DisputeRecorder}, and the dispute chase's own timer firings. An
 * invalid transition is refused as {@code INVALID_TRANSITION} (kept in the RejectsTable, and in the
 * dispute's history); money in another currency than the store's as {@code WRONG_CURRENCY}, as orders
 * and carts are; a dispute opened for a customer erased on request as {@code ERASED} (there is no profile left
 * to mail; {@link ErasureRefusal}); any other event type was routed here by mistake.
 */
public final class DisputeService {

    /** What handling a message did. */
    public enum Outcome { APPLIED, UNCHANGED, CHASED, STALE_FIRING }

    private static final Logger LOG = LoggerFactory.getLogger(DisputeService.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final DisputeRecorder recorder;
    private final Currency storeCurrency;
    private final ErasureRefusal erased;
    private final Clock clock;

    public DisputeService(DisputeRecorder recorder, Currency storeCurrency, ErasedCustomers erased, Clock clock) {
        this.recorder = recorder;
        this.storeCurrency = storeCurrency;
        this.erased = new ErasureRefusal(erased, clock);
        this.clock = clock;
    }

    public Outcome handle(String body) {
        JsonNode node = Json.input(body);
        if (ChaseFiring.isFiring(node)) {
            ChaseFiring firing = ChaseFiring.read(node);
            DisputeRecorder.Firing fired = recorder.fire(firing);
            LOG.info("chase timer fired", entry("disputeId", firing.disputeId()), entry("deadline", firing.deadline()),
                    entry("step", firing.step()), entry("outcome", fired.name()));
            return fired == DisputeRecorder.Firing.CHASED ? Outcome.CHASED : Outcome.STALE_FIRING;
        }
        StoreEvent event = node == null || node.isMissingNode()
                ? EventParser.parse(body, clock) : EventParser.parse(node, clock);
        if (!(event instanceof DisputeEvent dispute)) {
            throw new InvalidInputException(RejectReason.NOT_FOR_THIS_CONSUMER, event.meta().type()
                    + " is not a dispute event; check the event bus rule that routed it here");
        }
        requireStoreCurrency(dispute);
        if (dispute instanceof DisputeEvent.DisputeOpened opened) {
            erased.refuseIfErased(opened.customerId(), opened);
        }
        return switch (recorder.record(DisputeChange.of(dispute))) {
            case DisputeRecorder.Result.Recorded recorded -> {
                LOG.info("dispute changed", entry("disputeId", dispute.disputeId()),
                        entry("eventId", dispute.meta().id()),
                        entry("status", recorded.dispute().currentStatus().map(Enum::name).orElse("unknown")));
                yield Outcome.APPLIED;
            }
            case DisputeRecorder.Result.Unchanged unchanged -> Outcome.UNCHANGED;
            case DisputeRecorder.Result.Refused refused -> throw new InvalidInputException(refused.code(),
                    refused.reason());
            case DisputeRecorder.Result.NotFound notFound -> throw new IllegalStateException(
                    "events create disputes; " + notFound.disputeId() + " cannot be missing");
        };
    }

    /** The disputed amount and every proposal's refund are in the store currency, as order and cart money is. */
    private void requireStoreCurrency(DisputeEvent dispute) {
        List<Map.Entry<String, Money>> money = new ArrayList<>();
        switch (dispute) {
            case DisputeEvent.DisputeOpened opened -> {
                money.add(Map.entry("body.amount", opened.amount()));
                opened.buyerProposal().ifPresent(p -> money.add(Map.entry("body.buyerProposal.refund", p.refund())));
            }
            case DisputeEvent.DisputeUpdated updated ->
                    updated.proposal().ifPresent(p -> money.add(Map.entry("body.proposal.refund", p.refund())));
        }
        for (Map.Entry<String, Money> field : money) {
            if (!field.getValue().isIn(storeCurrency)) {
                throw new InvalidInputException(RejectReason.WRONG_CURRENCY, dispute.meta().type() + " "
                        + field.getKey() + " is in " + field.getValue().currency() + ", the store currency is "
                        + storeCurrency + " (send the store-currency amount)");
            }
        }
    }
}
