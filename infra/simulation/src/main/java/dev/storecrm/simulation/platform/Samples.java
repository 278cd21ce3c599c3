package dev.storecrm.simulation.platform;

import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.localcloud.Template;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The platforms' sample payloads of {@code events/<adapter>/} (written from the platforms' public
 * documentation, full size), read once and handed out as copies to be filled in: the payloads the
 * simulation and the benchmarks send are the samples with other ids, people, amounts and times,
 * every other field as the platform sends it.
 */
final class Samples {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, ObjectNode> READ = new ConcurrentHashMap<>();

    private Samples() {}

    /** A copy of {@code events/<path>}. */
    static ObjectNode copy(String path) {
        return READ.computeIfAbsent(path, Samples::read).deepCopy();
    }

    /** Minor units as the platforms' decimal strings: 64820 is {@code 648.20}. */
    static String decimal(long minor) {
        return BigDecimal.valueOf(minor, 2).toPlainString();
    }

    /** A UUID that is the same for the same name (a platform's delivery or event id for one of the store's events). */
    static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A child object, created if absent (a sample's {@code null} is replaced). */
    static ObjectNode object(ObjectNode parent, String field) {
        JsonNode child = parent.get(field);
        return child instanceof ObjectNode object ? object : parent.putObject(field);
    }

    private static ObjectNode read(String path) {
        try {
            return (ObjectNode) JSON.readTree(Files.readString(Template.projectRoot().resolve("events").resolve(path)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read events/" + path, e);
        }
    }
}
