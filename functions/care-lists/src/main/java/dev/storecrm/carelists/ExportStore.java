package dev.storecrm.carelists;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where full list exports go: a private store the staff reach only through a short-lived link
 * ({@link S3ExportStore} on AWS, an in-memory one in unit tests).
 */
interface ExportStore {

    /** An object being written, part by part; nothing is visible under its key before {@link #complete()}. */
    interface Upload {

        void write(byte[] bytes);

        /** Makes the object whole and visible. */
        void complete();

        /** Gives up: the parts written so far are dropped. */
        void abort();
    }

    /** Starts writing a CSV file under {@code key}; a download names it {@code fileName}. */
    Upload upload(String key, String fileName);

    /** Writes a small JSON document (an export's record) under {@code key}, replacing what was there. */
    void put(String key, String json);

    /** The JSON document under {@code key}, if there is one. */
    Optional<String> read(String key);

    /** A link that downloads the object for {@code validFor}, and then no more. */
    URI link(String key, Duration validFor);
}
