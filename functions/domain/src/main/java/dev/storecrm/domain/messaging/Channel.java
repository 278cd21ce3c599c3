package dev.storecrm.domain.messaging;

import dev.storecrm.domain.member.ContactPreference;
import java.util.Optional;

/**
 * The channels a message can travel on: e-mail (SES) and SMS (End User Messaging SMS). The member's
 * {@code marketingConsent} is the consent to marketing on the member's preferred channel; a channel's own
 * opt-out (an unsubscribe link for e-mail, a STOP reply for SMS) is kept in the suppression list, by address
 * or by number.
 */
public enum Channel {
    EMAIL, SMS;

    /**
     * The channel marketing takes for a member's contact preference: e-mail when the member prefers it or
     * has said nothing, SMS when the member prefers SMS; none when the member prefers no contact, phone or
     * post (phone and post are the staff's, through the follow-up lists).
     */
    public static Optional<Channel> forMarketing(Optional<ContactPreference> preference) {
        if (preference.isEmpty() || preference.get() == ContactPreference.email) {
            return Optional.of(EMAIL);
        }
        return preference.get() == ContactPreference.sms ? Optional.of(SMS) : Optional.empty();
    }

    /**
     * The channel a request travels on: SMS for marketing to a member who prefers SMS; e-mail for everything
     * else (transactional mail goes by e-mail whatever the preference: the documented rule).
     */
    public static Channel of(MessageRequest request, Optional<ContactPreference> preference) {
        return request.category() == Category.marketing && request.recipient() instanceof Recipient.Member
                && forMarketing(preference).filter(c -> c == SMS).isPresent() ? SMS : EMAIL;
    }
}
