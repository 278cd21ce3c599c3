package dev.storecrm.privacyrequests;

import static dev.storecrm.platform.logging.LogField.entry;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.event.ContractEvent;
import dev.storecrm.domain.event.EventParser;
import dev.storecrm.domain.event.PrivacyEvent;
import dev.storecrm.domain.event.PrivacyEvent.CustomerDataRequested;
import dev.storecrm.domain.event.PrivacyEvent.CustomerErasureRequested;
import dev.storecrm.domain.event.StoreEvent;
import dev.storecrm.domain.memberview.ContactKeys;
import dev.storecrm.domain.messaging.AddressHash;
import dev.storecrm.domain.privacy.PersonalData;
import dev.storecrm.domain.privacy.PersonalDataEraser;
import dev.storecrm.domain.privacy.PersonalDataEraser.Step;
import dev.storecrm.domain.privacy.PersonalDataEraser.Subject;
import dev.storecrm.domain.privacy.PrivacyRequests;
import dev.storecrm.domain.privacy.PrivacyRequests.ErasureProgress;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each privacy request (CustomerDataRequested, CustomerErasureRequested) that reaches PrivacyRequestsQueue,
 * whole and once per request: a re-delivery, or another event naming a request already kept, keeps nothing new.
 * A data request is then answered: the subject's export ({@link PrivacyExports}) is kept with the request, where the
 * staff fetch it ({@code GET /privacy/exports/{requestId}}); a re-delivery makes it again. The subject is the
 * request's customer id, else the member the archive finds by the request's e-mail address (a request whose address
 * more than one member holds is refused: {@code AMBIGUOUS_SUBJECT}). An erasure request is
 * carried out step by step ({@link PersonalDataEraser}), each step recorded in the request, so a re-delivery after a
 * failure continues; once done, the request keeps who asked and when, not the subject's contact. A request the
 * contract refuses,
 * or an event of the store's activity routed here by mistake ({@code NOT_FOR_THIS_CONSUMER}), is kept in the
 * RejectsTable with its reason by the batch processor. Logs carry the ids, never the subject's contact.
 */
public final class PrivacyRequestsService {

    /** What a message did: a request kept for the first time, or one kept before; a data request answered. */
    public enum Outcome { KEPT, ALREADY_KEPT, EXPORTED, ERASED }

    /** How a pseudonymous customer id begins: the rest is random, derived from nothing the customer gave. */
    static final String PSEUDONYM_PREFIX = "erased-";

    /** The customer id an export names when the request's subject is no member: every part of it is empty. */
    static final String NO_MEMBER = "(no member)";

    private static final Logger LOG = LoggerFactory.getLogger(PrivacyRequestsService.class);

    private final PrivacyRequests requests;
    private final PersonalData data;
    private final PersonalDataEraser eraser;
    private final Clock clock;

    public PrivacyRequestsService(PrivacyRequests requests, PersonalData data, PersonalDataEraser eraser,
                                  Clock clock) {
        this.requests = requests;
        this.data = data;
        this.eraser = eraser;
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
        if (request instanceof CustomerDataRequested dataRequest) {
            String customerId = subject(dataRequest.subject()).orElse(NO_MEMBER);
            requests.exported(dataRequest, new PrivacyExports(data).export(customerId, clock.instant()).toString(),
                    clock.instant());
            LOG.info("privacy request answered", entry("requestId", request.requestId()));
            return Outcome.EXPORTED;
        }
        if (request instanceof CustomerErasureRequested erasure) {
            erase(erasure);
            return Outcome.ERASED;
        }
        return outcome;
    }

    /**
     * Runs the steps of an erasure not done yet, recording each, then ends it. The first delivery chooses the
     * pseudonym and keeps the address's one-way hash (read from the profile before the profile goes); a re-delivery
     * continues where the last one stopped.
     */
    private void erase(CustomerErasureRequested request) {
        Optional<ErasureProgress> begun = requests.erasure(request);
        if (begun.isEmpty()) {
            Optional<String> customerId = subject(request.subject());
            if (customerId.isEmpty()) {
                LOG.info("erasure request names no member", entry("requestId", request.requestId()));
                requests.erased(request, clock.instant());
                return;
            }
            Optional<String> email = data.read(customerId.get(), PersonalData.Part.PROFILE, 1).records().stream()
                    .map(profile -> profile.get("email")).filter(String.class::isInstance).map(String.class::cast)
                    .findFirst().or(() -> request.subject().email());
            begun = Optional.of(requests.beginErasure(request, new ErasureProgress(customerId.get(),
                    PSEUDONYM_PREFIX + UUID.randomUUID(), email.map(AddressHash::of), Set.of()), clock.instant()));
        }
        ErasureProgress progress = begun.get();
        Subject subject = new Subject(progress.customerId(), progress.pseudonym(), progress.addressHash(),
                request.requestId());
        for (Step step : Step.values()) {
            if (!progress.done().contains(step)) {
                eraser.erase(step, subject);
                requests.stepDone(request, step, clock.instant());
            }
        }
        requests.erased(request, clock.instant());
        LOG.info("privacy request answered: customer erased", entry("requestId", request.requestId()),
                entry("customerId", progress.customerId()));
    }

    /**
     * The member a request is about: its customer id, else the one member found by its e-mail address. The archive
     * does not hold addresses unique (two accounts, a guest checkout beside an account): an address that more than
     * one member holds is refused, rather than one of them answered for all.
     */
    private Optional<String> subject(PrivacyEvent.Subject subject) {
        if (subject.customerId().isPresent()) {
            return subject.customerId();
        }
        List<String> members = subject.email().flatMap(ContactKeys::emailKey).map(key -> data.idsByEmail(key, 2))
                .orElse(List.of());
        if (members.size() > 1) {
            throw new InvalidInputException(RejectReason.AMBIGUOUS_SUBJECT, "more than one member holds the request's"
                    + " e-mail address: send the request again with the customerId of the member it is about");
        }
        return members.stream().findFirst();
    }
}
