package dev.storecrm.importer;

import java.util.Iterator;
import java.util.OptionalLong;

/**
 * Where an import reads a store's history: a file or a platform's API, as a sequence of records
 * (a customer, an order, a canonical event), each with a position the source can resume after.
 * A record maps itself through the platform adapter's mapping and publishes on the import's buffer;
 * what its mapping refuses it keeps (with the reason) and goes on.
 */
interface ImportSource {

    /** One record: its position, and its mapping (which publishes its events and keeps what it refuses). */
    record SourceRecord(String position, Runnable map) {}

    /** Names the input (its content, or the store and filters), so that a checkpoint is only resumed on the same. */
    String fingerprint();

    /** How many records there are, where the source can tell cheaply: for the ETA. */
    OptionalLong size();

    /**
     * The records after a position, in the source's order. Reading may fail (a file unreadable, the
     * store's API down): the iterator throws, and the import stops at its checkpoint.
     *
     * @param after a position a record of this source had; empty for the first record
     */
    Iterator<SourceRecord> records(String after);
}
