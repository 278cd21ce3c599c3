package dev.storecrm.domain.event;

import dev.storecrm.domain.member.MembershipStatus;
import dev.storecrm.domain.member.ProfileChanges;
import java.time.Instant;
import java.util.Optional;

/** Events that create or change a member's archive. */
public sealed interface MemberEvent extends StoreEvent {

    String customerId();

    ProfileChanges profile();

    /** Registration makes the customer a member from {@code occurredAt}. */
    record MemberRegistered(EventMeta meta, String customerId, ProfileChanges profile) implements MemberEvent {}

    /**
     * A change to the profile and, optionally, to the membership status (freeze, unfreeze,
     * cancel, restore). Fields absent from the event are left as they are; a field set to
     * {@code null} is cleared.
     */
    record MemberUpdated(EventMeta meta, String customerId, ProfileChanges profile,
                         Optional<StatusChange> membership, Optional<TierChange> tier) implements MemberEvent {

        public MemberUpdated(EventMeta meta, String customerId, ProfileChanges profile,
                             Optional<StatusChange> membership) {
            this(meta, customerId, profile, membership, Optional.empty());
        }
    }

    /**
     * An operator's tier override: the member holds {@code tier} until {@code until}, after which the
     * spend rule governs again.
     */
    record TierChange(String tier, Instant until, String reason, String actor) {}

    /**
     * An operator's or the platform's change of membership status.
     *
     * @param actor who made it, when an operator did (the staff API's caller: an IAM principal or
     *              {@code console:<user>}); {@code null} when the platform did
     */
    record StatusChange(MembershipStatus status, String reason, String actor) {

        public StatusChange(MembershipStatus status, String reason) {
            this(status, reason, null);
        }
    }
}
