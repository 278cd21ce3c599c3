package dev.storecrm.domain.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * At most one marketing message per recipient per window, across every journey, with one exception
 * ({@link CapRule}): a message that would miss its deadline takes the slot from a holder of a lower
 * priority. The slot is claimed and taken over with conditional writes, so two messages racing for one
 * member cannot both win it.
 */
public interface FrequencyCap {

    /**
     * Who holds a slot: when it was claimed, and the holder's priority rank (0 first; a slot claimed
     * before ranks were recorded ranks last).
     */
    record Holder(Instant claimedAt, int rank) {}

    /** Claims the slot at {@code now} for a message of {@code rank}: empty if claimed, else who holds it. */
    Optional<Holder> claim(String recipient, Instant now, Duration window, int rank);

    /**
     * Takes the slot from {@code holder} for a message of {@code rank}, if the holder still holds it;
     * false if the slot changed hands since (then claim again).
     */
    boolean takeOver(String recipient, Holder holder, Instant now, Duration window, int rank);

    /** Gives back a slot claimed at {@code claimedAt} for a message that then did not go. */
    void release(String recipient, Instant claimedAt);
}
