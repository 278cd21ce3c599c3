package dev.storecrm.domain.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One plain address is accepted; every lookup matches the normalised form. */
class EmailAddressTest {

    @Test
    void onlyOnePlainAddressIsAccepted() {
        for (String plain : List.of("a@b.example", "Ann.Lee+tea@Shop.Example.com", "o'hara@example.com",
                "x@xn--fsqu00a.example", "a-b_c@sub-domain.example.org")) {
            assertTrue(EmailAddress.isPlain(plain), plain);
        }
        for (String other : List.of("Ann <a@b.example>", "<a@b.example>", "a,b@c.example", "a@b.example,c@d.example",
                "a@b.example\r\nBcc: c@d.example", "a@b.example\n", " a@b.example", "a b@c.example", "\"a\"@b.example",
                "a@b.example (Ann)", "a@localhost", "a@b.example.", "a..b@c.example", ".a@b.example", "a@-b.example",
                "a@例子.example", "x".repeat(65) + "@b.example", "a@" + "b".repeat(250) + ".example", "")) {
            assertFalse(EmailAddress.isPlain(other), other);
        }
    }

    @Test
    void theNormalisedFormIsTheAddressTrimmedAndLowerCased() {
        assertEquals("ann.lee@shop.example.com", EmailAddress.normalised(" Ann.Lee@Shop.EXAMPLE.com "));
        assertEquals("ann@b.example", EmailAddress.normalised("\"Ann Lee\" <Ann@B.Example>"),
                "a display form from outside (an SES notification) is matched by its address");
    }

    @Test
    void aSuppressionOfOneFormMatchesEveryForm() {
        String plain = AddressHash.of("member.2001@example.com");
        assertEquals(plain, AddressHash.of("Member.2001@EXAMPLE.com"));
        assertEquals(plain, AddressHash.of("\"Sample\" <MEMBER.2001@example.com>"));
        assertEquals(plain, LinkTokens.Subject.address("MEMBER.2001@Example.Com").value().substring(2));
        assertNotEquals(plain, AddressHash.of("member.2002@example.com"));
    }
}
