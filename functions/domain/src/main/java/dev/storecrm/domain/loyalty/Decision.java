package dev.storecrm.domain.loyalty;

import java.util.Objects;
import java.util.Optional;

/** What a rule decided: its answer, and the change to write for it, if any. */
public record Decision<R>(R result, Optional<Change> change) {

    public Decision {
        Objects.requireNonNull(change, "change");
    }

    public static <R> Decision<R> none(R result) {
        return new Decision<>(result, Optional.empty());
    }

    public static <R> Decision<R> of(R result, Change change) {
        return new Decision<>(result, Optional.of(change));
    }
}
