package dev.storecrm.domain.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * At most one marketing message per recipient per window, across every journey. The slot is
 * claimed with a conditional write, so two messages racing for one member cannot both go.
 */
public interface FrequencyCap {

    /** Claims the slot at {@code now}: empty if claimed, else the moment the slot frees up. */
    Optional<Instant> claim(String recipient, Instant now, Duration window);

    /** Gives back a slot claimed at {@code claimedAt} for a message that then did not go. */
    void release(String recipient, Instant claimedAt);
}
