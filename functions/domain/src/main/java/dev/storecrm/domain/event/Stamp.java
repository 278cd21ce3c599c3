package dev.storecrm.domain.event;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Objects;

/**
 * When a fact happened and which event said so. Stamps order facts deterministically: the later
 * {@code occurredAt} wins and the event id breaks ties, so applying the same events in any order
 * gives the same result (last writer wins, by business time rather than arrival time).
 */
public record Stamp(Instant at, String eventId) implements Comparable<Stamp> {

    /** Fixed width, so that comparing encoded stamps as strings (as DynamoDB conditions do) orders them in time. */
    private static final DateTimeFormatter FIXED_WIDTH =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private static final Comparator<Stamp> ORDER =
            Comparator.comparing(Stamp::at).thenComparing(Stamp::eventId);

    public Stamp {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(eventId, "eventId");
        if (eventId.isBlank() || eventId.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("event id must be non-blank without whitespace");
        }
    }

    /**
     * Text form {@code 2026-11-02T02:15:30.000000000Z evt-123}: the instant at fixed width, a space,
     * the event id. Encoded stamps compare as strings in the same order as stamps.
     */
    public static Stamp decode(String text) {
        int space = text.indexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException("not a stamp");
        }
        return new Stamp(Instant.parse(text.substring(0, space)), text.substring(space + 1));
    }

    public String encode() {
        return prefix(at) + " " + eventId;
    }

    /**
     * The text every encoded stamp of this instant starts with: encoded stamps of earlier instants
     * sort before it, those of this instant and later after it (a bound for a range of stamps).
     */
    public static String prefix(Instant at) {
        return FIXED_WIDTH.format(at);
    }

    public boolean isAfter(Stamp other) {
        return other == null || compareTo(other) > 0;
    }

    @Override
    public int compareTo(Stamp other) {
        return ORDER.compare(this, other);
    }
}
