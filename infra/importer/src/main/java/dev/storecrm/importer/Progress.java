package dev.storecrm.importer;

import java.io.PrintStream;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * The import's progress line: records done (of how many, where the source can tell), events
 * published, records kept as rejected, the rate and the time left at that rate. On a terminal it is
 * rewritten in place every second; otherwise (a log, a test) a line is written every
 * {@code every}. The rate is this run's (a resumed import does not count what was done before).
 */
final class Progress {

    private final PrintStream out;
    private final OptionalLong total;
    private final boolean terminal;
    private final long everyNanos;
    private final long started = System.nanoTime();
    private long startRecords = -1;
    private long startEvents;
    private long printed = System.nanoTime();

    Progress(PrintStream out, OptionalLong total, boolean terminal, Duration every) {
        this.out = out;
        this.total = total;
        this.terminal = terminal;
        this.everyNanos = every.toNanos();
    }

    /** Prints the line if it is due. */
    void update(long records, long events, long rejected) {
        if (startRecords < 0) {
            startRecords = records;
            startEvents = events;
        }
        long now = System.nanoTime();
        if (now - printed >= everyNanos) {
            printed = now;
            print(records, events, rejected, false);
        }
    }

    /** The last line, always printed. */
    void finish(long records, long events, long rejected) {
        if (startRecords < 0) {
            startRecords = records;
            startEvents = events;
        }
        print(records, events, rejected, true);
    }

    private void print(long records, long events, long rejected, boolean last) {
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        double recordRate = (records - startRecords) / seconds;
        double eventRate = (events - startEvents) / seconds;
        String line = String.format("  %,d%s records, %,d events published, %,d kept as rejected, %.1f events/s, %s",
                records, total.isPresent() ? " of " + String.format("%,d", total.getAsLong()) : "", events, rejected,
                eventRate, last ? "done in " + clock(Duration.ofMillis((long) (seconds * 1000)))
                        : "ETA " + eta(records, recordRate));
        if (terminal) {
            out.print("\r" + line + (last ? System.lineSeparator() : ""));
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** The time left at this rate, or {@code unknown}. */
    String eta(long records, double recordsPerSecond) {
        if (total.isEmpty() || recordsPerSecond <= 0) {
            return "unknown";
        }
        long left = Math.max(0, total.getAsLong() - records);
        return clock(Duration.ofSeconds((long) Math.ceil(left / recordsPerSecond)));
    }

    static String clock(Duration duration) {
        long seconds = duration.toSeconds();
        return String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
