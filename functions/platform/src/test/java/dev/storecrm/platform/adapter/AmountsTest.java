package dev.storecrm.platform.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Platform money to minor units: exact, in each currency's own decimals, refused rather than rounded. */
class AmountsTest {

    private final Amounts cny = new Amounts("CNY");

    @Test
    void decimalStringsBecomeMinorUnitsOfTheirCurrency() {
        assertEquals(64820, cny.storeMoney("648.20", "CNY", "total").minor());
        assertEquals(64820, cny.storeMoney("648.2", "cny", "total").minor(), "Stripe writes codes in lower case");
        assertEquals(9000, cny.storeMoney("-90.00", "CNY", "refund").minor(), "WooCommerce writes refunds negative");
        assertEquals(1200, Amounts.money("1200", "JPY", "amount").minor(), "the yen has no minor unit");
        assertEquals(1200, Amounts.money("1200.000", "JPY", "amount").minor());
    }

    @Test
    void moreDecimalsThanTheCurrencyHasAreRefusedNotRounded() {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> cny.storeMoney("10.005", "CNY", "payload.total_price"));
        assertEquals(RejectReason.SCHEMA_VIOLATION, refused.reason());
        assertEquals("payload.total_price has more decimals than CNY has, or is too large", refused.detail());
        assertThrows(InvalidInputException.class, () -> Amounts.money("12.5", "JPY", "amount"));
        assertThrows(InvalidInputException.class, () -> cny.storeMoney("1e3", "CNY", "total"));
    }

    @Test
    void otherCurrenciesAreWrongOrUnknown() {
        assertEquals(RejectReason.WRONG_CURRENCY, assertThrows(InvalidInputException.class,
                () -> cny.storeMoney("9.99", "USD", "total")).reason());
        assertEquals(RejectReason.UNKNOWN_CURRENCY, assertThrows(InvalidInputException.class,
                () -> cny.storeMoney("9.99", "XYZ", "total")).reason());
    }

    @Test
    void aUnitPriceFromALineTotalRoundsHalfEvenAndSignedPartsSumExactly() {
        assertEquals(3333, cny.unitPrice("99.99", 3, "CNY", "subtotal").minor());
        assertEquals(1000, cny.unitPrice("20.00", 2, "CNY", "subtotal").minor());
        BigDecimal parts = cny.storeDecimal("90.00", "CNY", "line")
                .subtract(cny.storeDecimal("-20.00", "CNY", "adjustment"));
        assertEquals(11000, cny.storeMoney(parts, "refund").minor());
        assertThrows(InvalidInputException.class, () -> cny.storeMoney(new BigDecimal("-1.00"), "refund"));
    }
}
