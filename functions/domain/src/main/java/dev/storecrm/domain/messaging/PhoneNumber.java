package dev.storecrm.domain.messaging;

import java.util.regex.Pattern;

/**
 * Telephone numbers as SMS needs them: E.164, a plus sign, a country code that does not start with 0, and
 * 7 to 15 digits in all, nothing else (no spaces, dashes, brackets or extension). End User Messaging SMS
 * refuses any other form; the sender checks first, so a member with a number in another form gets a clear
 * reason ({@code INVALID_PHONE_NUMBER}) and no send.
 */
public final class PhoneNumber {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private PhoneNumber() {}

    public static boolean isE164(String number) {
        return number != null && E164.matcher(number).matches();
    }
}
