package dev.storecrm.domain.memberview;

import dev.storecrm.domain.json.JsonFields;
import dev.storecrm.domain.messaging.EmailAddress;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The forms a member's e-mail address and phone number are indexed and looked up in, so that a
 * lookup finds the member however the address or number is written.
 *
 * <ul>
 *   <li>e-mail: {@link EmailAddress#normalised} (trimmed, lower-cased as a whole), the form every
 *       suppression and unsubscribe link matches in;</li>
 *   <li>phone: E.164, {@code +} and digits only: spaces, dots, hyphens and brackets go, and a leading
 *       {@code 00} (the international prefix) becomes {@code +}. A number without its country code
 *       cannot be told apart from another country's and is refused, not guessed.</li>
 * </ul>
 * The archive writes both keys on the member item ({@code emailKey}, {@code phoneKey}) with the same
 * functions the lookup uses, so the two cannot drift.
 */
public final class ContactKeys {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.()\\-\u00a0]");

    private ContactKeys() {}

    /** The key of a stored address; empty for none. */
    public static Optional<String> emailKey(String email) {
        return Optional.ofNullable(email).filter(e -> !e.isBlank()).map(EmailAddress::normalised);
    }

    /** The key of a stored number; empty for none or one that is not an international number. */
    public static Optional<String> phoneKey(String phone) {
        if (phone == null) {
            return Optional.empty();
        }
        String compact = SEPARATORS.matcher(phone).replaceAll("");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        return E164.matcher(compact).matches() ? Optional.of(compact) : Optional.empty();
    }

    /** The key to look an address up by; refused with the rule when it is not one plain address. */
    public static String emailLookup(String email) {
        String key = emailKey(email).orElse("");
        if (!EmailAddress.isPlain(key)) {
            throw JsonFields.violation("email", "must be one e-mail address, such as ann@example.com");
        }
        return key;
    }

    /** The key to look a number up by; refused with the rule when it is not an international number. */
    public static String phoneLookup(String phone) {
        return phoneKey(phone).orElseThrow(() -> JsonFields.violation("phone",
                "must be an international number with its country code, such as +86 138 0000 0000"));
    }
}
