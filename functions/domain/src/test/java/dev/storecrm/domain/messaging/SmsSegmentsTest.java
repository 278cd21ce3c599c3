package dev.storecrm.domain.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storecrm.domain.messaging.SmsSegments.Count;
import dev.storecrm.domain.messaging.SmsSegments.Encoding;
import org.junit.jupiter.api.Test;

class SmsSegmentsTest {

    @Test
    void gsm7TextsTake160SeptetsInOnePartAnd153PerPartBeyond() {
        assertEquals(new Count(Encoding.GSM7, 160, 1), SmsSegments.count("a".repeat(160)));
        assertEquals(new Count(Encoding.GSM7, 161, 2), SmsSegments.count("a".repeat(161)));
        assertEquals(new Count(Encoding.GSM7, 306, 2), SmsSegments.count("a".repeat(306)));
        assertEquals(new Count(Encoding.GSM7, 307, 3), SmsSegments.count("a".repeat(307)));
        assertEquals(Encoding.GSM7, SmsSegments.count("Your cart: 2 items, 50% off {today} @ 9:00!").encoding());
    }

    @Test
    void extensionCharactersTakeTwoSeptetsAndAreNeverSplitAcrossParts() {
        assertEquals(new Count(Encoding.GSM7, 161, 2), SmsSegments.count("a".repeat(159) + "€"));
        assertEquals(new Count(Encoding.GSM7, 160, 1), SmsSegments.count("a".repeat(158) + "€"));
        // 152 septets, then a two-septet character that does not fit the first part's 153: it opens the second
        assertEquals(new Count(Encoding.GSM7, 306, 3), SmsSegments.count("a".repeat(152) + "€" + "a".repeat(152)));
    }

    @Test
    void anyCharacterOutsideGsm7MakesTheTextUcs2Of70UnitsOr67PerPart() {
        assertEquals(new Count(Encoding.UCS2, 70, 1), SmsSegments.count("购".repeat(70)));
        assertEquals(new Count(Encoding.UCS2, 71, 2), SmsSegments.count("购".repeat(71)));
        assertEquals(new Count(Encoding.UCS2, 134, 2), SmsSegments.count("购".repeat(134)));
        assertEquals(new Count(Encoding.UCS2, 135, 3), SmsSegments.count("购".repeat(135)));
        assertEquals(new Count(Encoding.UCS2, 70, 1), SmsSegments.count("a".repeat(69) + "购"),
                "one Chinese character turns a Latin text into UCS-2");
        assertEquals(new Count(Encoding.UCS2, 6, 1), SmsSegments.count("拒收请回复R"));
    }

    @Test
    void anEmojiTakesTwoUnitsAndIsNeverSplit() {
        assertEquals(new Count(Encoding.UCS2, 71, 2), SmsSegments.count("购".repeat(69) + "🎂"));
        // 66 units, then a two-unit character that does not fit the first part's 67
        assertEquals(new Count(Encoding.UCS2, 134, 3), SmsSegments.count("购".repeat(66) + "🎂" + "购".repeat(66)));
    }
}
