package dev.storecrm.domain.dispute;

import java.util.Arrays;
import java.util.Optional;

/** How a resolved dispute ended: the buyer was refunded, the claim was rejected, or the buyer withdrew it. */
public enum Resolution {
    refunded, rejected, withdrawn;

    public static Optional<Resolution> fromWire(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst();
    }
}
