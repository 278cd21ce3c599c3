package dev.storecrm.platform.adapter;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.messaging.AddressHash;
import java.util.Optional;

/**
 * The canonical customer of a platform's order or cart. The platform's own customer id when it
 * names one (prefixed with the platform, so that two platforms' numbers never meet); for a guest,
 * an id derived from the e-mail address ({@code <platform>:guest:} and the first 32 hex digits of
 * its SHA-256, as {@link AddressHash} writes it), so the same guest ordering twice is one customer
 * and no address appears in an id or a log; with neither, nobody to attribute it to.
 */
public final class CustomerIds {

    private CustomerIds() {}

    public static String of(String platform, Optional<String> platformCustomerId, Optional<String> email, String what) {
        if (platformCustomerId.isPresent()) {
            return platform + ":" + platformCustomerId.get();
        }
        return email.filter(e -> e.contains("@")).map(e -> guest(platform, e)).orElseThrow(() ->
                new InvalidInputException(RejectReason.NO_CUSTOMER,
                        what + " names neither a customer nor an e-mail address"));
    }

    public static String guest(String platform, String email) {
        return platform + ":guest:" + AddressHash.of(email).substring(0, 32);
    }
}
