package dev.storecrm.carelists;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Makes a page's rows with their item reads {@value #CONCURRENT} at a time, in the page's order (and reads a
 * birthday list's diary days the same way). A row needs
 * four single-item reads, one after another; made one row after another, the reads' latency (a few
 * milliseconds each on AWS) would bound an export to tens of thousands of rows within the function's timeout.
 * The threads are made for the page and end with it, so that nothing outlives the invocation.
 */
final class RowReads {

    /** Rows made at the same time; each holds one connection of the function's HTTP client. */
    static final int CONCURRENT = 16;

    private RowReads() {}

    /** {@code make} applied to each of {@code rows}, in order; the first failure is thrown on. */
    static <T, R> List<R> map(List<T> rows, Function<T, R> make) {
        if (rows.size() <= 1) {
            return rows.stream().map(make).toList();
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(CONCURRENT, rows.size()))) {
            List<Future<R>> made = new ArrayList<>(rows.size());
            for (T row : rows) {
                made.add(pool.submit(() -> make.apply(row)));
            }
            List<R> results = new ArrayList<>(rows.size());
            for (Future<R> row : made) {
                results.add(row.get());
            }
            return results;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : new IllegalStateException("a row could not be made", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making a page's rows", e);
        }
    }
}
