package dev.storecrm.domain.json;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;

/**
 * What every string of the input must be: text. A NUL character or an unpaired UTF-16 surrogate (half of a
 * character, invalid Unicode) is refused as {@link RejectReason#INVALID_TEXT}: stores, mail clients and
 * spreadsheets mangle or truncate both, and neither is anything a person typed.
 */
final class Text {

    private Text() {}

    static void requireValid(String path, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                throw new InvalidInputException(RejectReason.INVALID_TEXT, path + " contains a NUL character");
            }
            boolean pairStarts = Character.isHighSurrogate(c) && i + 1 < value.length();
            if (pairStarts && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidInputException(RejectReason.INVALID_TEXT,
                        path + " contains an unpaired UTF-16 surrogate (not valid Unicode)");
            }
        }
    }
}
