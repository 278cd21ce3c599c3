package dev.storecrm.domain.privacy;

import java.util.Objects;
import java.util.Optional;

/**
 * Erases one member's personal data, table by table (docs/privacy.md, "Erasure"). Each step is idempotent and works
 * on what is left, so a step cut short (a timeout, a throttled write) is simply run again on the next delivery of the
 * request; the request's item records which steps are done. Every read goes through the member's own keys and
 * indexes: no scan.
 */
public interface PersonalDataEraser {

    /** The steps, in the order they run. */
    enum Step {
        /** Later events for the customer are refused ({@code ERASED}) from now on, unless they re-register. */
        REFUSE_LATER_EVENTS,
        /** The member's profile (the archive's item) is deleted: no mail can find an address from here on. */
        PROFILE,
        /**
         * Orders move to the pseudonymous customer id; the order owners lose the contact; the member's answers to
         * the orders' follow-ups are deleted.
         */
        ORDERS,
        /** The points ledger's partition of the member is deleted. */
        POINTS,
        /** Coupons stay (campaign figures) under the pseudonymous id. */
        COUPONS,
        /** Carts lose the guest's address and move to the pseudonymous id; their timers are deleted. */
        CARTS,
        /** Send-ledger entries (no address in them) move to the pseudonymous id. */
        MAIL,
        /** Disputes lose the contact and move to the pseudonymous id; the history's personal fields are redacted. */
        DISPUTES,
        /**
         * Customer mail: the raw messages of the member's conversations are deleted; the conversations keep their
         * facts under the pseudonymous id, their text redacted; an open one is closed (no address to answer).
         */
        CUSTOMER_MAIL,
        /** Greetings, win-back steps, the member's timers and referrals are deleted; referrers pseudonymised. */
        JOURNEYS,
        /** RFM: the member's scores and memberships go, and the histogram and counts stop counting them. */
        SCORES,
        /** Rejected messages that named the customer are deleted. */
        REJECTS,
        /** A member's suppression becomes one of the address's one-way hash; the member's own item goes. */
        SUPPRESSION,
        /** Follow-up calls of the lists of the last two years (their retention) are deleted. */
        FOLLOW_UPS,
        /** The customer's earlier privacy requests lose their events and exports. */
        REQUESTS
    }

    /**
     * Whom a step erases.
     *
     * @param pseudonym   the id the orders, coupons, carts, mail and disputes are kept under (random, not derived)
     * @param addressHash the one-way hash of the member's address ({@code AddressHash}), where the profile had one
     * @param requestId   the erasure request's id, for the record of refusals
     */
    record Subject(String customerId, String pseudonym, Optional<String> addressHash, String requestId) {
        public Subject {
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(pseudonym, "pseudonym");
            Objects.requireNonNull(addressHash, "addressHash");
        }
    }

    /** Runs one step for the subject; running it again changes nothing more. */
    void erase(Step step, Subject subject);
}
