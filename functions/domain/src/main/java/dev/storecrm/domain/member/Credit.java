package dev.storecrm.domain.member;

/**
 * What the member's points hold for one order: the multiplier its payment was priced at (0 when it
 * was not paid as an active member, 1, or the birthday multiplier) and the points it earns now
 * (the multiplier times the points of its net amount; 0 once cancelled or fully refunded). Kept on
 * the order, so a refund takes back exactly what the order earned, whatever changed since.
 */
public record Credit(int multiplier, long points) {

    public static final Credit NONE = new Credit(0, 0);

    public Credit {
        if (multiplier < 0 || points < 0) {
            throw new IllegalArgumentException("a credit is not negative");
        }
    }
}
