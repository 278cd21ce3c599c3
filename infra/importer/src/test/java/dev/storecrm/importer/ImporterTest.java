package dev.storecrm.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.platform.adapter.StoreBus;
import dev.storecrm.platform.messaging.Pacer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import's pipeline on a source of numbered records (record n maps to n % 4 events: some none,
 * some several) and an in-memory bus that can fail: batches, pace, retries, the checkpoint, and an
 * import stopped and resumed that ends with every event published.
 */
class ImporterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-02-01T00:00:00Z"), ZoneOffset.UTC);
    private static final int RECORDS = 40;

    @TempDir
    Path dir;

    private final ImportBuffer buffer = new ImportBuffer();
    private final List<List<String>> calls = new ArrayList<>();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private final ImportSource numbered = numbered(buffer);

    /** Record n publishes n % 4 events, {@code r<n>e<i>}, on {@code into}; positions are {@code n}. */
    private static ImportSource numbered(ImportBuffer into) {
        return new ImportSource() {
            @Override
            public String fingerprint() {
                return "numbered";
            }

            @Override
            public OptionalLong size() {
                return OptionalLong.of(RECORDS);
            }

            @Override
            public Iterator<SourceRecord> records(String after) {
                int from = after.isEmpty() ? 1 : Integer.parseInt(after) + 1;
                return IntStream.rangeClosed(from, RECORDS).mapToObj(n -> new SourceRecord(Integer.toString(n),
                        () -> into.publish(IntStream.range(0, n % 4).mapToObj(i -> "r" + n + "e" + i).toList())))
                        .iterator();
            }
        };
    }

    private static List<String> all() {
        return IntStream.rangeClosed(1, RECORDS).boxed()
                .flatMap(n -> IntStream.range(0, n % 4).mapToObj(i -> "r" + n + "e" + i)).toList();
    }

    private Importer.Result run(StoreBus bus, int rate, Checkpoint from) {
        FileRejects rejects = new FileRejects(dir.resolve("in.rejects.jsonl"), false);
        Progress progress = new Progress(new PrintStream(printed, true, StandardCharsets.UTF_8), numbered.size(), false,
                Duration.ofMillis(200));
        return new Importer(bus, buffer, rejects, new Pacer(rate), dir.resolve("in.checkpoint.json"),
                Duration.ofMillis(5), CLOCK).run(numbered, from, progress);
    }

    private StoreBus recording() {
        return events -> calls.add(List.copyOf(events));
    }

    @Test
    void everyEventIsPublishedInOrderInFullBatchesAcrossRecords() {
        Importer.Result result = run(recording(), 10_000, Checkpoint.start("numbered", CLOCK.instant()));
        assertEquals(all(), calls.stream().flatMap(List::stream).toList());
        assertTrue(calls.stream().allMatch(call -> call.size() <= Importer.BATCH));
        assertEquals(6, calls.size(), "60 events in batches of ten, whatever the records' sizes");
        Checkpoint done = Checkpoint.read(dir.resolve("in.checkpoint.json")).orElseThrow();
        assertTrue(done.complete());
        assertEquals(RECORDS, done.records());
        assertEquals(60, done.events());
        assertEquals("40", done.position());
        assertEquals(done, result.checkpoint());
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("40 of 40 records, 60 events published"),
                printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aBusThatRefusesForAWhileIsTriedAgainAndLosesNothing() {
        int[] refusals = {2};
        Importer.Result result = run(events -> {
            if (refusals[0]-- > 0) {
                throw new IllegalStateException("1 of 10 events not accepted by EventBridge (ThrottlingException)");
            }
            calls.add(List.copyOf(events));
        }, 10_000, Checkpoint.start("numbered", CLOCK.instant()));
        assertTrue(result.stoppedBecause().isEmpty());
        assertEquals(all(), calls.stream().flatMap(List::stream).toList());
    }

    @Test
    void anImportStoppedByAFailingBusResumesAfterItsLastPublishedRecordAndEndsComplete() {
        int[] accepted = {2};
        Importer.Result stopped = run(events -> {
            if (accepted[0]-- <= 0) {
                throw new IllegalStateException("the bus is unreachable");
            }
            calls.add(List.copyOf(events));
        }, 10_000, Checkpoint.start("numbered", CLOCK.instant()));
        assertTrue(stopped.stoppedBecause().orElseThrow()
                .contains("refused a batch 5 times (last: the bus is unreachable)"));
        Checkpoint saved = Checkpoint.read(dir.resolve("in.checkpoint.json")).orElseThrow();
        assertFalse(saved.complete());
        assertEquals(20, saved.events(), "two batches went through");
        assertEquals("13", saved.position(),
                "the 20th event was r14e0, whose record has one more: record 13 is the last done");

        ImportBuffer fresh = new ImportBuffer();
        List<String> before = calls.stream().flatMap(List::stream).toList();
        calls.clear();
        FileRejects goingOn = new FileRejects(dir.resolve("in.rejects.jsonl"), true);
        Importer.Result resumed = new Importer(recording(), fresh, goingOn,
                new Pacer(10_000), dir.resolve("in.checkpoint.json"), Duration.ZERO, CLOCK)
                .run(numbered(fresh), saved, new Progress(new PrintStream(printed, true, StandardCharsets.UTF_8),
                        OptionalLong.of(RECORDS), false, Duration.ofSeconds(1)));
        assertTrue(resumed.checkpoint().complete());
        assertEquals("r14e0", calls.getFirst().getFirst(), "the resume starts right after the checkpoint's record");
        List<String> together = new ArrayList<>(before);
        together.addAll(calls.stream().flatMap(List::stream).toList());
        assertEquals(all(), List.copyOf(new LinkedHashSet<>(together)), "nothing lost");
        assertEquals(61, resumed.checkpoint().events(), "r14e0 went out before the stop and again after it (under the"
                + " same id, which the consumers apply once)");
    }

    @Test
    void theRateIsKeptAndTheProgressLineCarriesAnEta() {
        long started = System.nanoTime();
        run(recording(), 25, Checkpoint.start("numbered", CLOCK.instant()));
        double seconds = (System.nanoTime() - started) / 1e9;
        assertTrue(seconds >= 2.0, "60 events at 25 a second take over two seconds, took " + seconds);
        String lines = printed.toString(StandardCharsets.UTF_8);
        assertTrue(lines.matches("(?s).*records, \\d+ events published, 0 kept as rejected, [0-9.]+ events/s,"
                + " ETA 0:00:0\\d.*"), lines);
        Progress progress = new Progress(new PrintStream(printed), OptionalLong.of(1000), false, Duration.ofSeconds(1));
        assertEquals("0:01:30", progress.eta(100, 10.0));
        assertEquals("unknown", new Progress(new PrintStream(printed), OptionalLong.empty(), false, Duration.ZERO)
                .eta(100, 10.0));
    }
}
