package dev.storecrm.domain.member;

import dev.storecrm.domain.event.Stamp;

/**
 * One change of membership status on the member's timeline.
 *
 * @param actor who made it when an operator did (an IAM principal or {@code console:<user>}), else {@code null}
 */
public record StatusEntry(Stamp stamp, MembershipStatus status, String reason, String actor) {

    public StatusEntry(Stamp stamp, MembershipStatus status, String reason) {
        this(stamp, status, reason, null);
    }
}
