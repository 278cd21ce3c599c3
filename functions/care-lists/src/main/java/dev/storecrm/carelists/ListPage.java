package dev.storecrm.carelists;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which rows of a list to serve: those after a cursor, at most {@code limit}. A list sorts its
 * entries by a key whose text order is the list's order, takes the page of keys before it reads
 * anything per member, and reads only the page's members; the next page's cursor is the last
 * key served (base64url), absent on the last page. Without {@code limit} the whole list is served.
 */
record ListPage(Optional<String> after, int limit) {

    static final int MAX_LIMIT = 5000;
    static final ListPage ALL = new ListPage(Optional.empty(), Integer.MAX_VALUE);

    /** Some rows, and the cursor of the rows after them if there are any. */
    record Slice<T>(List<T> rows, Optional<String> next) {}

    /** From {@code limit} and {@code next}; an IllegalArgumentException says what is wrong. */
    static ListPage of(Map<String, String> query) {
        String limit = query.get("limit");
        String next = query.get("next");
        if ((limit == null || limit.isBlank()) && (next == null || next.isBlank())) {
            return ALL;
        }
        int size = MAX_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                size = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be a whole number from 1 to " + MAX_LIMIT);
            }
        }
        Optional<String> after = Optional.empty();
        if (next != null && !next.isBlank()) {
            try {
                after = Optional.of(new String(Base64.getUrlDecoder().decode(next.trim()), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("next must be the cursor a previous page gave");
            }
        }
        return new ListPage(after, size);
    }

    /** All of {@code sorted}, {@code size} at a time: how an export reads a list whose index it read once. */
    static <T> void chunks(List<T> sorted, int size, java.util.function.Consumer<List<T>> each) {
        for (int from = 0; from < sorted.size(); from += size) {
            each.accept(sorted.subList(from, Math.min(sorted.size(), from + size)));
        }
    }

    /** The page of {@code sorted} (ascending by {@code key}). */
    <T> Slice<T> of(List<T> sorted, Function<T, String> key) {
        List<T> rest = after.map(a -> sorted.stream().filter(t -> key.apply(t).compareTo(a) > 0).toList())
                .orElse(sorted);
        if (rest.size() <= limit) {
            return new Slice<>(rest, Optional.empty());
        }
        List<T> rows = rest.subList(0, limit);
        return new Slice<>(rows, Optional.of(cursor(key.apply(rows.getLast()))));
    }

    /** The cursor a page gives for the rows after {@code lastKey}. */
    static String cursor(String lastKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastKey.getBytes(StandardCharsets.UTF_8));
    }
}
