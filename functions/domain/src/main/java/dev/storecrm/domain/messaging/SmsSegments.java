package dev.storecrm.domain.messaging;

/**
 * How many SMS parts a text takes. A text that fits the GSM 03.38 alphabet (GSM-7) goes in 160 septets, or in
 * parts of 153 when it is longer (7 septets carry the concatenation header); a character of the extension
 * table ({@code ^ { } [ ] ~ \ | €} and the form feed) takes two septets and is never split across parts. Any
 * other character makes the whole text UCS-2: 70 UTF-16 units, or parts of 67; a character outside the Basic
 * Multilingual Plane (an emoji) takes two units and is never split either. Carriers bill by part.
 */
public final class SmsSegments {

    /** The text's encoding on the air. */
    public enum Encoding { GSM7, UCS2 }

    /** The count: encoding, units (septets or UTF-16 units) and parts. */
    public record Count(Encoding encoding, int units, int parts) {}

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿"
            + "abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "\f^{}\\[~]|€";

    private SmsSegments() {}

    public static Count count(String text) {
        boolean gsm = text.codePoints().allMatch(c -> BASIC.indexOf(c) >= 0 || EXTENSION.indexOf(c) >= 0);
        return gsm ? pack(text, Encoding.GSM7, 160, 153) : pack(text, Encoding.UCS2, 70, 67);
    }

    private static Count pack(String text, Encoding encoding, int single, int perPart) {
        int total = 0;
        int parts = 1;
        int inPart = 0;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int codePoint = text.codePointAt(i);
            int width = encoding == Encoding.GSM7
                    ? (EXTENSION.indexOf(codePoint) >= 0 ? 2 : 1)
                    : Character.charCount(codePoint);
            total += width;
            if (inPart + width > perPart) {
                parts++;
                inPart = 0;
            }
            inPart += width;
        }
        return new Count(encoding, total, total <= single ? 1 : parts);
    }
}
