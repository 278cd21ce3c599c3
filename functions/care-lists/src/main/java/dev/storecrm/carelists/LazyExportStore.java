package dev.storecrm.carelists;

import dev.storecrm.platform.Lazily;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The exports' store, built on the first export request: the staff lists' other routes never reach S3, and the
 * S3 client with its pre-signer is the largest thing the function would build at a cold start (about 770 classes;
 * docs/benchmarks.md, "Clients built on first use").
 */
final class LazyExportStore implements ExportStore {

    private final Supplier<ExportStore> store;

    LazyExportStore(Supplier<ExportStore> make) {
        this.store = Lazily.memoized(make);
    }

    @Override
    public Upload upload(String key, String fileName) {
        return store.get().upload(key, fileName);
    }

    @Override
    public void put(String key, String json) {
        store.get().put(key, json);
    }

    @Override
    public Optional<String> read(String key) {
        return store.get().read(key);
    }

    @Override
    public URI link(String key, Duration validFor) {
        return store.get().link(key, validFor);
    }
}
