package dev.storecrm.domain.coupon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.money.Money;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CouponTest {

    private static final CouponCodes CODES =
            new CouponCodes("a-test-key-of-at-least-thirty-two-bytes".getBytes(StandardCharsets.UTF_8));

    @Test
    void aBusinessKeyAlwaysGetsTheSameCodeAndDifferentKeysDifferentCodes() {
        assertEquals(CODES.codeFor("cart", "CART#cart-1#coupon"), CODES.codeFor("cart", "CART#cart-1#coupon"));
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            codes.add(CODES.codeFor("birthday", "BIRTHDAY#c-" + i + "#2026"));
        }
        assertEquals(10_000, codes.size());
        String code = CODES.codeFor("birthday", "BIRTHDAY#c-1#2026");
        assertTrue(code.matches("BIRT-[0-9A-HJKMNP-TV-Z]{10}"), code);
    }

    @Test
    void anotherKeyGivesOtherCodes() {
        CouponCodes other =
                new CouponCodes("another-key-of-at-least-thirty-two-bytes".getBytes(StandardCharsets.UTF_8));
        assertNotEquals(CODES.codeFor("cart", "CART#cart-1#coupon"), other.codeFor("cart", "CART#cart-1#coupon"));
    }

    @Test
    void valuesTakeOffAFixedAmountOrAPercentage() {
        Money order = Money.of(15_000, "CNY");
        assertEquals(2_000, CouponValue.parse("CNY:2000").discountOn(order));
        assertEquals(15_000, CouponValue.parse("CNY:20000").discountOn(order), "never more than the order");
        assertEquals(1_500, CouponValue.parse("10%").discountOn(order));
        assertEquals("CNY:2000", CouponValue.parse("CNY:2000").wire());
        assertEquals("10%", CouponValue.parse("10%").wire());
        assertThrows(IllegalArgumentException.class, () -> CouponValue.parse("0%"));
        assertThrows(IllegalArgumentException.class, () -> CouponValue.parse("twenty"));
    }
}
