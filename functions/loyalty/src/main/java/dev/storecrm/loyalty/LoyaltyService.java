package dev.storecrm.loyalty;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.loyalty.DueOutcome;
import dev.storecrm.domain.loyalty.OrderPoints;
import dev.storecrm.domain.loyalty.PointsDue;
import dev.storecrm.domain.loyalty.PointsLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the LoyaltyQueue carries, to the ledger: an order's points from the member archive
 * ({@link OrderPoints}), or a member's points timer ({@link PointsDue}); anything else is refused
 * with its reason.
 */
final class LoyaltyService {

    private static final Logger LOG = LoggerFactory.getLogger(LoyaltyService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PointsLedger ledger;

    LoyaltyService(PointsLedger ledger) {
        this.ledger = ledger;
    }

    /** Handles one message; names the outcome: {@code APPLIED}, {@code UNCHANGED}, {@code DUE_DONE}. */
    String handle(String body) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (Exception e) {
            throw new InvalidInputException(RejectReason.MALFORMED_JSON, "loyalty message is not valid JSON");
        }
        if (node != null && OrderPoints.isOne(node)) {
            return ledger.applyOrder(OrderPoints.read(node)) ? "APPLIED" : "UNCHANGED";
        }
        if (node != null && PointsDue.isOne(node)) {
            PointsDue due = PointsDue.read(node);
            DueOutcome outcome = ledger.due(due);
            LOG.info("points timer fired", entry("customerId", due.customerId()), entry("expired", outcome.expired()),
                    entry("reminded", outcome.reminded()));
            return "DUE_DONE";
        }
        throw new InvalidInputException(RejectReason.NOT_FOR_THIS_CONSUMER,
                "not an order's points or a points timer; only the member archive and the timer sweep feed this queue");
    }
}
