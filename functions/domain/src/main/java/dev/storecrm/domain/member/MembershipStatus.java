package dev.storecrm.domain.member;

/**
 * Where a customer stands in the membership programme. Frozen and cancelled members keep their
 * archive but earn no points and receive no marketing.
 */
public enum MembershipStatus {
    /** A customer who is not (yet) a member: no registration and no qualifying order. */
    NONE,
    ACTIVE,
    FROZEN,
    CANCELLED;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean earnsBenefits() {
        return this == ACTIVE;
    }
}
