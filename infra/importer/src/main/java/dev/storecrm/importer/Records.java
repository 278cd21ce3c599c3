package dev.storecrm.importer;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/** Iterators as the sources read their records: one step ahead, and one source's parts one after the other. */
final class Records {

    private Records() {}

    /** An iterator over what {@code next} answers, until it answers {@code null} (it is asked one step ahead). */
    static <T> Iterator<T> until(Supplier<T> next) {
        return new Iterator<>() {
            private T ahead = next.get();

            @Override
            public boolean hasNext() {
                return ahead != null;
            }

            @Override
            public T next() {
                if (ahead == null) {
                    throw new NoSuchElementException();
                }
                T current = ahead;
                ahead = next.get();
                return current;
            }
        };
    }

    /** The parts' items, part after part (each read only when the ones before are done). */
    @SafeVarargs
    static <T> Iterator<T> inOrder(Iterator<T>... parts) {
        List<Iterator<T>> all = Arrays.asList(parts);
        return until(() -> all.stream().filter(Iterator::hasNext).findFirst().map(Iterator::next).orElse(null));
    }
}
