package dev.storecrm.domain.dispute;

import dev.storecrm.domain.event.Stamp;
import java.util.Objects;

/**
 * A value with the stamp of the event or action that set it. Facts merge last-writer-wins by
 * stamp, so a dispute converges whatever order its events arrive in.
 */
public record Fact<T>(T value, Stamp stamp) {

    public Fact {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(stamp, "stamp");
    }

    /** True when {@code other} was set later than this fact. */
    public boolean olderThan(Stamp other) {
        return other.compareTo(stamp) > 0;
    }
}
