package dev.storecrm.domain.privacy;

import dev.storecrm.domain.event.PrivacyEvent;
import java.time.Instant;

/**
 * The privacy requests received (data requests and erasure requests), kept durably, once per type and request id,
 * until the privacy work acts on them. The first event of a request is the one kept; a re-delivery, or another event
 * naming the same request, changes nothing.
 */
public interface PrivacyRequests {

    /**
     * Keeps a request with the event that carried it, exactly as received.
     *
     * @return {@code true} when this call kept it, {@code false} when it was kept before
     */
    boolean keep(PrivacyEvent request, String eventJson, Instant receivedAt);
}
