package dev.storecrm.platform;

import java.util.function.Supplier;

/**
 * What a function rarely uses is built on first use, not at every cold start: an SDK client only some requests
 * call (the staff lists' S3 exports, an operator action's bus), or a secret only some events need. Not primed for
 * SnapStart: its first use pays for its building.
 */
public final class Lazily {

    private Lazily() {
    }

    /** {@code make}'s result, made once, on the first {@code get}. */
    public static <T> Supplier<T> memoized(Supplier<T> make) {
        return new Supplier<>() {
            private T made;

            @Override
            public synchronized T get() {
                if (made == null) {
                    made = make.get();
                }
                return made;
            }
        };
    }
}
