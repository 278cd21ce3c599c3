package dev.storecrm.domain.memberview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.InvalidInputException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The forms a member is indexed and looked up in: however an address or a number is written, one key. */
class ContactKeysTest {

    @Test
    void anAddressIsMatchedWhateverItsCaseAndSurroundingSpace() {
        assertEquals(Optional.of("ann.lee@example.com"), ContactKeys.emailKey("Ann.Lee@Example.COM"));
        assertEquals("ann.lee@example.com", ContactKeys.emailLookup("  ANN.LEE@example.com "));
        assertEquals(Optional.empty(), ContactKeys.emailKey(null));
    }

    @Test
    void aNumberIsMatchedWhateverItsSeparatorsAndInternationalPrefix() {
        for (String written : new String[] {"+8613800000001", "+86 138 0000 0001", "0086 138-0000-0001",
                "+86 (138) 0000.0001", "00 86 13800000001"}) {
            assertEquals("+8613800000001", ContactKeys.phoneLookup(written), written);
        }
    }

    @Test
    void whatCannotBeMatchedIsRefusedWithTheRule() {
        InvalidInputException local = assertThrows(InvalidInputException.class,
                () -> ContactKeys.phoneLookup("138 0000 0001"));
        assertTrue(local.detail().contains("country code"), local.detail());
        assertEquals(Optional.empty(), ContactKeys.phoneKey("+0 123"), "no country starts with 0");
        InvalidInputException address = assertThrows(InvalidInputException.class,
                () -> ContactKeys.emailLookup("Ann <ann@example.com>, bob@example.com"));
        assertTrue(address.detail().contains("one e-mail address"), address.detail());
    }
}
