package dev.storecrm.domain.dispute;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * A deadline a dispute has now, computed from its channel's rule: due at {@code due}, counted from
 * {@code anchor} (reminders earlier than the anchor do not exist).
 */
public record Deadline(DeadlineRule rule, Instant anchor, Instant due, List<Duration> reminders) {

    private static final DateTimeFormatter KEY_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmm'Z'")
            .withZone(ZoneOffset.UTC);

    public Deadline {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(due, "due");
        reminders = List.copyOf(reminders);
    }

    public String name() {
        return rule.name();
    }

    /**
     * Names this deadline in business keys: {@code seller-response-20261114T1900Z}. A moved deadline is
     * another one.
     */
    public String key() {
        return name() + "-" + KEY_TIME.format(due);
    }

    public boolean sameAs(Deadline other) {
        return name().equals(other.name()) && due.equals(other.due);
    }
}
