package dev.storecrm.domain.loyalty;

/** What a firing of a member's points timer did: points expired, and points the reminder mailed about (0 if none). */
public record DueOutcome(long expired, long reminded) {}
