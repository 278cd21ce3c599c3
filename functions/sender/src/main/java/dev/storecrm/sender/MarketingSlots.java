package dev.storecrm.sender;

import dev.storecrm.domain.cart.Cart;
import dev.storecrm.domain.messaging.CapPriorities;
import dev.storecrm.domain.messaging.CapRule;
import dev.storecrm.domain.messaging.FrequencyCap;
import dev.storecrm.domain.messaging.MessageRequest;
import dev.storecrm.domain.messaging.QuietHours;
import dev.storecrm.domain.messaging.Recipient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The recipients' marketing slots under the frequency cap, claimed by priority ({@link CapRule}): a
 * message claims a free slot, or waits for a held one to free up, or, when it would miss its last chance,
 * takes the slot from a lower-priority holder, or else expires under the cap. Every step is a conditional
 * write on the recipient's cap item, so of two messages racing for one slot only one holds it at a time.
 */
final class MarketingSlots {

    /** What became of the claim. */
    sealed interface Claim {
        /** The slot is this message's, since {@code at}. */
        record Held(Instant at) implements Claim {}

        /** The slot is held: try again at {@code until}. */
        record Wait(Instant until) implements Claim {}

        /** The slot is held past the message's last chance by one of no lower priority. */
        record Expired() implements Claim {}
    }

    /** Take-overs lost to another writer before the message waits and looks again. */
    private static final int ATTEMPTS = 3;

    private final FrequencyCap cap;
    private final Duration window;
    private final CapPriorities priorities;
    private final QuietHours quietHours;

    MarketingSlots(FrequencyCap cap, Duration window, CapPriorities priorities, QuietHours quietHours) {
        this.cap = cap;
        this.window = window;
        this.priorities = priorities;
        this.quietHours = quietHours;
    }

    Claim claim(MessageRequest request, String recipient, ZoneId zone, Instant now) {
        int rank = priorities.rank(request);
        Optional<Instant> lastChance = request.notAfter().map(deadline -> quietHours.lastMomentBy(deadline, zone));
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<FrequencyCap.Holder> holder = cap.claim(recipient, now, window, rank);
            if (holder.isEmpty()) {
                return new Claim.Held(now);
            }
            switch (CapRule.whenTaken(holder.get(), rank, window, lastChance)) {
                case CapRule.Decision.Wait wait -> {
                    return new Claim.Wait(wait.until());
                }
                case CapRule.Decision.Expire expire -> {
                    return new Claim.Expired();
                }
                case CapRule.Decision.TakeOver takeOver -> {
                    if (cap.takeOver(recipient, holder.get(), now, window, rank)) {
                        return new Claim.Held(now);
                    }
                }
            }
        }
        return new Claim.Wait(now.plusSeconds(1));
    }

    void release(String recipient, Instant claimedAt) {
        cap.release(recipient, claimedAt);
    }

    /**
     * Whose frequency cap a marketing message counts against: the member, or the guest by
     * {@code guest:<address hash>} (SendRules lets marketing go to no one else).
     */
    static String keyOf(Recipient recipient) {
        return switch (recipient) {
            case Recipient.Member member -> member.customerId();
            case Recipient.Guest guest -> Cart.Guest.keyOf(guest.email());
            case Recipient.Address address -> throw new IllegalStateException("marketing goes to members and guests");
            case Recipient.Customer customer -> throw new IllegalStateException("marketing goes to members and guests");
        };
    }
}
