package dev.storecrm.domain.care;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;

/**
 * A follow-up call made from a list: which list and month, which member, what came of it, a note,
 * who made it and when. The latest call per member and list month is kept (a call back replaces it).
 */
public record FollowUpCall(String list, YearMonth month, String customerId, Outcome outcome, Optional<String> note,
                           String by, Instant at) {

    /** The lists a call can be made from. */
    public static final java.util.Set<String> LISTS = java.util.Set.of("birthdays", "dormant");

    /** What came of the call. */
    public enum Outcome { reached, no_answer, call_back, declined, wrong_number }

    public FollowUpCall {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(at, "at");
        if (!LISTS.contains(list)) {
            throw new IllegalArgumentException("list must be one of " + LISTS);
        }
        note = note.filter(n -> !n.isBlank());
    }

    /** The key one list month's calls share. */
    public String listMonth() {
        return list + "#" + month;
    }
}
