package dev.storecrm.domain.event;

import java.util.Optional;

/**
 * How to reach a customer who may not be a member (contract version 2): the contact a dispute event carries, for the
 * customer's transactional dispute mail when the member archive has no member to write to. At least an e-mail
 * address or a phone number.
 *
 * @param locale   a BCP 47 tag ({@code zh-CN}, {@code en})
 * @param timeZone an IANA time zone id
 */
public record CustomerContact(Optional<String> email, Optional<String> name, Optional<String> phone,
                              Optional<String> locale, Optional<String> timeZone) {

    public CustomerContact {
        if (email.isEmpty() && phone.isEmpty()) {
            throw new IllegalArgumentException("a contact needs an e-mail address or a phone number");
        }
    }
}
