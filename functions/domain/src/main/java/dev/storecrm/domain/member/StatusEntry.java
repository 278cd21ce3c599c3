package dev.storecrm.domain.member;

import dev.storecrm.domain.event.Stamp;

/** One change of membership status on the member's timeline. */
public record StatusEntry(Stamp stamp, MembershipStatus status, String reason) {}
