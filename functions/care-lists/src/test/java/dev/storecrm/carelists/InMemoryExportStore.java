package dev.storecrm.carelists;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Exports kept in memory; each write is a part, so a test sees how the file went up. */
final class InMemoryExportStore implements ExportStore {

    final Map<String, String> files = new ConcurrentHashMap<>();
    final List<Integer> writes = new ArrayList<>();
    final List<String> aborted = new ArrayList<>();

    @Override
    public Upload upload(String key, String fileName) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        return new Upload() {
            @Override
            public void write(byte[] part) {
                writes.add(part.length);
                bytes.writeBytes(part);
            }

            @Override
            public void complete() {
                files.put(key, bytes.toString(StandardCharsets.UTF_8));
            }

            @Override
            public void abort() {
                aborted.add(key);
            }
        };
    }

    @Override
    public void put(String key, String json) {
        files.put(key, json);
    }

    @Override
    public Optional<String> read(String key) {
        return Optional.ofNullable(files.get(key));
    }

    @Override
    public URI link(String key, Duration validFor) {
        return URI.create("memory:/" + key + "?for=" + validFor.toSeconds());
    }

    /** The file a link points to. */
    String file(String link) {
        String key = link.substring("memory:/".length(), link.indexOf('?'));
        return files.get(key);
    }
}
