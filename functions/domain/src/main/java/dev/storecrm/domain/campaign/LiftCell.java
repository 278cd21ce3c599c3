package dev.storecrm.domain.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.Objects;

/**
 * One line of the lift report: a journey, its step, the variant and the period of the assignment. The period is
 * the ISO week (Monday to Sunday, {@code 2026-W49}) of the moment the member was assigned (sent or held out), in
 * the store's time zone: short enough to see a change within a month, long enough to hold a weekday's rhythm.
 *
 * @param journey the journey as the message request names it ({@code birthday}, {@code win-back}, {@code cart},
 *                {@code broadcast:<campaign>})
 * @param step    the step ({@code 1}, {@code greeting}, {@code reminder}); {@code -} when the journey has one
 * @param variant the variant ({@code A}); {@code -} when the journey has none
 * @param period  the ISO week of the assignment
 */
public record LiftCell(String journey, String step, String variant, String period) {

    /** The longest name any part may have: the cell is a key. */
    static final int MAX_PART = 200;

    public LiftCell {
        for (String part : new String[] {journey, step, variant, period}) {
            Objects.requireNonNull(part, "a lift cell names journey, step, variant and period");
            if (part.isBlank() || part.length() > MAX_PART || part.indexOf('|') >= 0) {
                throw new IllegalArgumentException("a lift cell part is 1 to 200 characters without '|'");
            }
        }
    }

    /** The ISO week of a moment in the store's zone: {@code 2026-W49}. */
    public static String periodOf(Instant at, ZoneId storeZone) {
        return periodOf(at.atZone(storeZone).toLocalDate());
    }

    /** The ISO week of a day: {@code 2026-W49}. */
    public static String periodOf(LocalDate date) {
        return String.format("%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR),
                date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The cell as one key: {@code journey|step|variant|period}. */
    public String key() {
        return String.join("|", journey, step, variant, period);
    }

    /** The cell of a {@link #key()}. */
    public static LiftCell ofKey(String key) {
        String[] parts = key.split("\\|", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("a lift cell key has four parts");
        }
        return new LiftCell(parts[0], parts[1], parts[2], parts[3]);
    }
}
