package dev.storecrm.domain.referral;

/** How rewards reach a member: given once per request key, taken back once per request key. */
public interface ReferralRewards {

    /** Gives {@code points} to the member, once per {@code requestKey}; true if this call gave them. */
    boolean give(String customerId, long points, String requestKey, String reason);

    /**
     * Takes up to {@code points} back, once per {@code requestKey}: what the member can still spend of
     * them (points already spent or expired stay with the member). The points taken by this call.
     */
    long takeBack(String customerId, long points, String requestKey, String reason);
}
