package dev.storecrm.domain.member;

/**
 * The bounds that keep a member's item small whatever the member's history (docs/data-model.md,
 * "MembersTable"). Lists that are history are trimmed (the oldest entries go); input that would
 * take a list the member configures past its bound is refused with {@code LIMIT_EXCEEDED}.
 */
public final class ArchiveLimits {

    /** Membership status changes kept; older ones are dropped (history). */
    public static final int STATUS_CHANGES = 20;
    /** Characters of a status change's reason kept; the rest is cut (history). */
    public static final int STATUS_REASON_CHARACTERS = 200;
    /** Tier overrides kept (the newest is the one in effect); older ones are dropped (history). */
    public static final int TIER_OVERRIDES = 10;
    /** Birthday settings kept (for the birthday rules' "given when" checks); older ones are dropped. */
    public static final int BIRTHDAY_SETTINGS = 10;
    /** Time zone settings kept (for birthday double points at the time of a payment); older ones are dropped. */
    public static final int TIME_ZONE_SETTINGS = 10;
    /** Anniversary kinds a profile may hold; an update with more is refused. */
    public static final int ANNIVERSARY_KINDS = 10;
    /** Refunds one order may have; a further refund id is refused. */
    public static final int REFUNDS_PER_ORDER = 20;
    /** Latest payments the member item names (cart conversions, the sender's last payment). */
    public static final int RECENT_PAYMENTS = 3;
    /**
     * Calendar months of spend kept: a tier held now was qualified with spend of the 25 months up to
     * the latest payment.
     */
    public static final int SPEND_MONTHS = 25;
    /** Payments re-priced per member write when a late event changes the member's timeline. */
    public static final int REPRICING_CHUNK = 25;

    private ArchiveLimits() {}
}
