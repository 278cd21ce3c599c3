package dev.storecrm.domain.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Addresses and members that must not be mailed. Hard bounces and complaints suppress an address
 * for all mail; repeated soft bounces too; an unsubscribe suppresses marketing to a member (or an
 * address). Addresses are kept only as {@link AddressHash}es.
 */
public interface SuppressionList {

    enum Reason { HARD_BOUNCE, COMPLAINT, SOFT_BOUNCES, UNSUBSCRIBED }

    enum Scope { ALL, MARKETING }

    record Suppression(Reason reason, Scope scope, Instant since) {
        public boolean blocks(Category category) {
            return scope == Scope.ALL || category == Category.marketing;
        }
    }

    /** The suppression that applies to this address or, when given, this member. */
    Optional<Suppression> find(String email, Optional<String> customerId);

    default void suppressAddress(String email, Reason reason, Scope scope, Instant at) {
        suppressAddressHash(AddressHash.of(email), reason, scope, at);
    }

    /** Suppresses an address known only by its {@link AddressHash} (as an unsubscribe link names it). */
    void suppressAddressHash(String addressHash, Reason reason, Scope scope, Instant at);

    void suppressMember(String customerId, Reason reason, Scope scope, Instant at);

    /**
     * Counts a soft bounce of this address, once per SES feedback id (SES may repeat an event);
     * returns the soft bounces within the window, this one included.
     */
    int countSoftBounce(String email, String feedbackId, Instant at, Duration window);
}
