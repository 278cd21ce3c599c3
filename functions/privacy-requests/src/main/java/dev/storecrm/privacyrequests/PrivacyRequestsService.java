package dev.storecrm.privacyrequests;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.event.ContractEvent;
import dev.storecrm.domain.event.EventParser;
import dev.storecrm.domain.event.PrivacyEvent;
import dev.storecrm.domain.event.StoreEvent;
import dev.storecrm.domain.privacy.PrivacyRequests;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each privacy request (CustomerDataRequested, CustomerErasureRequested) that reaches PrivacyRequestsQueue,
 * whole and once per request: a re-delivery, or another event naming a request already kept, changes nothing. Until
 * the privacy work lands, this is where the requests wait; nothing acts on them yet. A request the contract refuses,
 * or an event of the store's activity routed here by mistake ({@code NOT_FOR_THIS_CONSUMER}), is kept in the
 * RejectsTable with its reason by the batch processor. Logs carry the ids, never the subject's contact.
 */
public final class PrivacyRequestsService {

    /** What a message did: a request kept for the first time, or one kept before. */
    public enum Outcome { KEPT, ALREADY_KEPT }

    private static final Logger LOG = LoggerFactory.getLogger(PrivacyRequestsService.class);

    private final PrivacyRequests requests;
    private final Clock clock;

    public PrivacyRequestsService(PrivacyRequests requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    /** Handles one message: the event it carries, read against this function's clock. */
    public Outcome handle(String body) {
        ContractEvent event = EventParser.read(body, clock);
        PrivacyEvent request = switch (event) {
            case PrivacyEvent privacy -> privacy;
            case StoreEvent store -> throw new InvalidInputException(RejectReason.NOT_FOR_THIS_CONSUMER, store.meta()
                    .type() + " is store activity, not a privacy request (check the rules of template.yaml)");
        };
        Outcome outcome = requests.keep(request, body, clock.instant()) ? Outcome.KEPT : Outcome.ALREADY_KEPT;
        LOG.info("privacy request " + (outcome == Outcome.KEPT ? "kept" : "kept before"),
                entry("type", request.meta().type().name()), entry("requestId", request.requestId()),
                entry("eventId", request.meta().id()));
        return outcome;
    }
}
