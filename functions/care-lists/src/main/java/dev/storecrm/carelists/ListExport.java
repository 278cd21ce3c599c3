package dev.storecrm.carelists;

import static dev.storecrm.platform.logging.LogField.entry;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole list as one CSV file, whatever its size: the list is read once and made {@value #PAGE_ROWS} rows
 * at a time, each page written on to the export store as it is made (a multipart upload past one part).
 * ListExportFunction runs it for a queued export ({@link ExportJobs}); it holds one page and one part in
 * memory, never the file, and takes as long as the list's rows need, up to the function's timeout.
 */
final class ListExport {

    /** Rows made and written at a time: what the function holds of a list besides the list's index. */
    static final int PAGE_ROWS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(ListExport.class);

    /** A list that hands out all its rows, {@code size} at a time. */
    interface Source {
        void pages(int size, Consumer<Table> each);
    }

    /** What was written: the rows (the header not counted) and the file's bytes. */
    record Exported(long rows, long bytes) {}

    private final ExportStore store;

    ListExport(ExportStore store) {
        this.store = store;
    }

    /**
     * Writes the list as the object {@code key}, downloaded as {@code name}.csv; on a failure the upload is
     * aborted (nothing is visible under the key) and the failure thrown on.
     */
    Exported export(String key, String name, List<String> columns, Source source) {
        long started = System.nanoTime();
        ExportStore.Upload upload = store.upload(key, name + ".csv");
        long[] counts = new long[2];
        Consumer<String> write = text -> {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            upload.write(bytes);
            counts[1] += bytes.length;
        };
        try {
            write.accept(new Table(columns).csvHeader());
            source.pages(PAGE_ROWS, table -> {
                write.accept(table.csvRows());
                counts[0] += table.rows().size();
            });
            upload.complete();
        } catch (RuntimeException e) {
            upload.abort();
            throw e;
        }
        LOG.info("list exported", entry("list", name), entry("rows", counts[0]), entry("bytes", counts[1]),
                entry("millis", (System.nanoTime() - started) / 1_000_000));
        return new Exported(counts[0], counts[1]);
    }
}
