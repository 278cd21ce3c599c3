package dev.storecrm.domain.messaging;

import dev.storecrm.domain.member.ContactPreference;
import java.util.Optional;

/**
 * The channels a message can travel on. Only e-mail is built; the member's {@code marketingConsent} is
 * the e-mail channel's consent (an SMS channel will bring its own).
 */
public enum Channel {
    EMAIL;

    /**
     * The channel marketing takes for a member's contact preference: e-mail when the member prefers it or
     * has said nothing; none when the member prefers no contact, or SMS, phone or post (no marketing
     * e-mail to a member who asked for another channel; SMS is not built yet, and phone and post are the
     * staff's, through the follow-up lists).
     */
    public static Optional<Channel> forMarketing(Optional<ContactPreference> preference) {
        return preference.isEmpty() || preference.get() == ContactPreference.email
                ? Optional.of(EMAIL) : Optional.empty();
    }
}
