package dev.storecrm.domain.member;

import java.time.Instant;
import java.util.Objects;

/** Marketing consent as given or withdrawn: when, and where (checkout, preference centre, unsubscribe link). */
public record Consent(boolean granted, Instant at, String source) {
    public Consent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(source, "source");
    }
}
