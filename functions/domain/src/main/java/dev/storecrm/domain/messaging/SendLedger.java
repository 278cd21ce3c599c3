package dev.storecrm.domain.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The send ledger: one entry per business key, the single source of truth for "was this sent?".
 *
 * <p>Sending is claim, send, record: a conditional write claims the key for one sender with a
 * lease; only the claimant sends; it then records the provider's message id. Duplicates,
 * retries and concurrent copies find the key claimed or settled and send nothing. A claim whose
 * lease ran out (its sender crashed) may be claimed again.
 *
 * <p><b>The one window.</b> If a sender crashes after SES accepted the message but before it
 * recorded the send, the key stays claimed. The SES "Send" event of that message carries the
 * business key as a tag and settles the entry as sent ({@link #confirmSent}) within seconds; only
 * if that event too is lost or later than the lease can the key be claimed and sent again. A
 * duplicate therefore needs a crash inside a window of milliseconds plus a missing SES event,
 * and is bounded to one extra copy per lease.
 */
public interface SendLedger {

    enum Status { CLAIMED, SENT, SKIPPED, FAILED }

    record Entry(String businessKey, Status status, String owner, Instant leaseUntil, String messageId,
                 Instant settledAt, String reason) {
        public boolean isSettled() {
            return status != Status.CLAIMED;
        }
    }

    /** What the ledger records of a message besides its state, for reports. */
    record Facts(String journey, Category category, String templateId, Optional<String> customerId) {}

    /**
     * Reads an entry. An eventually consistent read is enough to spot most duplicates early; the
     * conditional claim is what decides, and a refused claim reads again consistently.
     */
    Optional<Entry> find(String businessKey, boolean consistentRead);

    /** Claims the key for {@code owner}; false if it is settled or claimed by another whose lease runs. */
    boolean claim(String businessKey, String owner, Instant now, Duration lease, Facts facts);

    /** Records the send by the claimant. */
    void markSent(String businessKey, String owner, String messageId, Instant at);

    /** Gives the claim up (the message was deferred or the send failed before SES accepted it). */
    void release(String businessKey, String owner);

    /**
     * Settles a key that was never sent ({@link Status#SKIPPED} or {@link Status#FAILED}) with its
     * reason, unless it is already settled or claimed; false then.
     */
    boolean settle(String businessKey, Status status, String reason, Instant now, Facts facts);

    /** SES reported the message sent: settles a claimed key as sent (closes the crash window). */
    void confirmSent(String businessKey, String messageId, Instant at);

    /** SES delivered the message to the recipient's mail server. */
    void recordDelivery(String businessKey, Instant at);

    /** The message bounced. */
    void recordBounce(String businessKey, Instant at);
}
