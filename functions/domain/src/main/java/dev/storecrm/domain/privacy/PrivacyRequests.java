package dev.storecrm.domain.privacy;

import dev.storecrm.domain.event.PrivacyEvent;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The privacy requests received (data requests and erasure requests), kept durably, once per type and request id,
 * with what was done about them. The first event of a request is the one kept; a re-delivery, or another event
 * naming the same request, changes nothing.
 */
public interface PrivacyRequests {

    /**
     * Keeps a request with the event that carried it, exactly as received.
     *
     * @return {@code true} when this call kept it, {@code false} when it was kept before
     */
    boolean keep(PrivacyEvent request, String eventJson, Instant receivedAt);

    /**
     * Keeps the export made for a data request (status {@code EXPORTED}), replacing an earlier one: a re-delivery
     * of the request makes it again, as of then.
     */
    void exported(PrivacyEvent.CustomerDataRequested request, String exportJson, Instant at);

    /** The export kept for the data request {@code requestId}, if one was made. */
    Optional<String> export(String requestId);

    /**
     * How far an erasure request has got: whom it erases (the customer, the pseudonym chosen when it began, the
     * address's hash) and the steps done.
     */
    record ErasureProgress(String customerId, String pseudonym, Optional<String> addressHash,
                           Set<PersonalDataEraser.Step> done) {
        public ErasureProgress {
            done = Set.copyOf(done);
        }
    }

    /** The progress of an erasure request that has begun (a strongly consistent read). */
    Optional<ErasureProgress> erasure(PrivacyEvent.CustomerErasureRequested request);

    /** Begins an erasure (status {@code ERASING}) unless one began before: the progress that holds. */
    ErasureProgress beginErasure(PrivacyEvent.CustomerErasureRequested request, ErasureProgress start, Instant at);

    /** Records a step of an erasure as done. */
    void stepDone(PrivacyEvent.CustomerErasureRequested request, PersonalDataEraser.Step step, Instant at);

    /**
     * Ends an erasure (status {@code ERASED}): the request keeps who asked (party, channel) and when, and loses the
     * event (the subject's contact) and the pseudonym, so the orders kept can no longer be tied back through it.
     */
    void erased(PrivacyEvent.CustomerErasureRequested request, Instant at);
}
