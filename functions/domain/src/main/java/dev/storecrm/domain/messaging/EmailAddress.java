package dev.storecrm.domain.messaging;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E-mail addresses: the one form the product accepts, and the one form it matches them in.
 *
 * <p><b>Accepted</b> ({@link #isPlain}): one plain address {@code local@domain}, 3 to 254 characters, and nothing
 * else: no display name ({@code Name <a@b.example>}), no list ({@code a,b@c.example}), no white space or line break,
 * no comment, no quoted local part. The local part is an RFC 5321 dot-atom of at most 64 ASCII characters (letters,
 * digits and {@code !#$%&'*+/=?^_`{|}~-}, dots between them); the domain is two or more labels of letters, digits and
 * inner hyphens, the last one starting with a letter (an internationalised domain is written in its {@code xn--}
 * form, as SES needs it). The same pattern is the contract's {@code email} in
 * {@code events/schemas/common.schema.json}.
 *
 * <p><b>Matched</b> ({@link #normalised}): every suppression, soft-bounce count, unsubscribe link and address lookup
 * uses the normalised form: the address (the part in angle brackets if a display form comes from outside, such as an
 * SES notification), without surrounding white space, lower-cased as a whole. Lower-casing the local part too is
 * deliberate: mailbox providers treat it case-insensitively in practice, and a hard bounce of {@code Ann@x.example}
 * must also stop mail to {@code ann@x.example}.
 */
public final class EmailAddress {

    /** The contract's pattern of one plain address (also in the JSON Schema, which a test holds equal). */
    public static final String PATTERN = "(?=.{3,254}$)(?=[^@]{1,64}@)"
            + "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
            + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?";

    private static final Pattern PLAIN = Pattern.compile(PATTERN);
    private static final Pattern ANGLE = Pattern.compile("[^<>]*<([^<>]+)>\\s*");

    private EmailAddress() {}

    /** Whether the value is one plain address, as the contract requires. */
    public static boolean isPlain(String value) {
        return value != null && PLAIN.matcher(value).matches();
    }

    /** The form addresses are matched in: the address itself, trimmed, lower-cased. */
    public static String normalised(String address) {
        String value = address.strip();
        Matcher angle = ANGLE.matcher(value);
        if (angle.matches()) {
            value = angle.group(1).strip();
        }
        return value.toLowerCase(Locale.ROOT);
    }
}
