package dev.storecrm.domain.referral;

import dev.storecrm.domain.member.MembershipStatus;
import java.util.Objects;
import java.util.Optional;

/** The members a referral concerns, as much of them as the checks need (one read per member). */
public interface ReferralParties {

    /**
     * A member: their status, the normalised forms of their e-mail address and phone number (the
     * member view's lookup keys), and who they name as referrer.
     */
    record Party(String customerId, MembershipStatus status, Optional<String> emailKey, Optional<String> phoneKey,
                 Optional<String> referrerId) {
        public Party {
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(emailKey, "emailKey");
            Objects.requireNonNull(phoneKey, "phoneKey");
            Objects.requireNonNull(referrerId, "referrerId");
        }
    }

    Optional<Party> find(String customerId);
}
