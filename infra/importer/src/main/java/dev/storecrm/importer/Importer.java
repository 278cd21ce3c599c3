package dev.storecrm.importer;

import dev.storecrm.platform.adapter.StoreBus;
import dev.storecrm.platform.messaging.Pacer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;

/**
 * The import itself: reads a source's records after the checkpoint, lets each map itself onto the
 * buffer, and publishes the buffer on the bus in batches of ten ({@code PutEvents}'s most), paced to
 * the rate ({@link Pacer}: at most that many events in any second). After each batch the checkpoint
 * names the last record whose events were all accepted; it is written at most every quarter second,
 * at the end, and when the JVM is asked to stop (Ctrl-C, {@code kill}), so that {@code --resume}
 * goes on from there. A batch the bus refused is tried again after 1, 2, 4 and 8 times the pause;
 * a failure that persists, or a source that cannot be read on, stops the import at its checkpoint.
 */
final class Importer {

    static final int BATCH = 10;
    private static final int ATTEMPTS = 5;
    private static final long WRITE_EVERY_NANOS = 250_000_000L;

    /** How an import ended: its checkpoint, and why it stopped early (empty when complete). */
    record Result(Checkpoint checkpoint, Optional<String> stoppedBecause) {}

    private final StoreBus bus;
    private final ImportBuffer buffer;
    private final FileRejects rejects;
    private final Pacer pacer;
    private final Path checkpointFile;
    private final Duration pause;
    private final Clock clock;
    private Checkpoint checkpoint;
    private long written = System.nanoTime();

    /** @param pause the first pause before a refused batch is tried again */
    Importer(StoreBus bus, ImportBuffer buffer, FileRejects rejects, Pacer pacer, Path checkpointFile, Duration pause,
             Clock clock) {
        this.bus = bus;
        this.buffer = buffer;
        this.rejects = rejects;
        this.pacer = pacer;
        this.checkpointFile = checkpointFile;
        this.pause = pause;
        this.clock = clock;
    }

    Result run(ImportSource source, Checkpoint from, Progress progress) {
        checkpoint = from;
        Thread onStop = new Thread(this::save, "import-checkpoint");
        Runtime.getRuntime().addShutdownHook(onStop);
        try {
            Iterator<ImportSource.SourceRecord> records = source.records(from.position());
            while (records.hasNext()) {
                ImportSource.SourceRecord record = records.next();
                record.map().run();
                buffer.endOfRecord(record.position());
                while (buffer.events() >= BATCH) {
                    publish();
                }
                progress.update(checkpoint.records(), checkpoint.events(), rejects.count());
            }
            while (!buffer.isEmpty()) {
                publish();
            }
            synchronized (this) {
                checkpoint = checkpoint.completed(rejects.count(), clock.instant());
            }
            return new Result(checkpoint, Optional.empty());
        } catch (RuntimeException stopped) {
            return new Result(checkpoint, Optional.of(stopped.getMessage() == null ? stopped.toString()
                    : stopped.getMessage()));
        } finally {
            save();
            progress.finish(checkpoint.records(), checkpoint.events(), rejects.count());
            try {
                Runtime.getRuntime().removeShutdownHook(onStop);
            } catch (IllegalStateException alreadyStopping) {
                // The JVM is stopping: the hook saves the checkpoint once more, which is harmless.
            }
        }
    }

    private void publish() {
        ImportBuffer.Batch batch = buffer.take(BATCH);
        if (!batch.events().isEmpty()) {
            batch.events().forEach(event -> pacer.awaitSlot());
            send(batch);
        }
        synchronized (this) {
            checkpoint = checkpoint.advanced(batch.lastRecord(), batch.records(), batch.events().size(),
                    rejects.count(), clock.instant());
        }
        if (System.nanoTime() - written >= WRITE_EVERY_NANOS) {
            save();
        }
    }

    private void send(ImportBuffer.Batch batch) {
        for (int attempt = 1; ; attempt++) {
            try {
                bus.publish(batch.events());
                return;
            } catch (RuntimeException refused) {
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException("the event bus refused a batch " + ATTEMPTS + " times (last: "
                            + refused.getMessage() + ")", refused);
                }
                sleep(pause.multipliedBy(1L << (attempt - 1)));
            }
        }
    }

    private synchronized void save() {
        checkpoint.write(checkpointFile);
        written = System.nanoTime();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to publish again", e);
        }
    }
}
