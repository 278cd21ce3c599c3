package dev.storecrm.platform.adapter;

import dev.storecrm.domain.event.CustomerContact;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.localcloud.Template;
import dev.storecrm.platform.batch.RejectedMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the adapters' unit tests share: the samples of {@code events/}, a store bus that records
 * what was published, order owners (with their contacts) and rejects in memory, a fixed clock after every sample.
 */
public final class AdapterFixtures {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2027-02-01T00:00:00Z"), ZoneOffset.UTC);

    /** The events published, in order. */
    public final List<JsonNode> published = new ArrayList<>();
    /** How many {@code PutEvents} calls (publish calls) there were. */
    public int publications;
    public final Map<String, String> owners = new HashMap<>();
    /** The contacts remembered with the orders, by order. */
    public final Map<String, CustomerContact> contacts = new HashMap<>();
    public final List<RejectedMessage> kept = new ArrayList<>();

    public StoreBus bus() {
        return events -> {
            publications++;
            events.forEach(e -> published.add(read(e)));
        };
    }

    public OrderOwners orderOwners() {
        return new OrderOwners() {
            @Override
            public void remember(String orderId, String customerId) {
                owners.put(orderId, customerId);
            }

            @Override
            public Optional<String> customerOf(String orderId) {
                return Optional.ofNullable(owners.get(orderId));
            }

            @Override
            public void remember(String orderId, Owner owner) {
                owners.put(orderId, owner.customerId());
                owner.contact().ifPresentOrElse(c -> contacts.put(orderId, c), () -> contacts.remove(orderId));
            }

            @Override
            public Optional<Owner> ownerOf(String orderId) {
                return customerOf(orderId).map(id -> new Owner(id, Optional.ofNullable(contacts.get(orderId))));
            }
        };
    }

    public AdapterRejects rejects(String consumer) {
        return new AdapterRejects(consumer, kept::add, CLOCK);
    }

    /** The published events of a type. */
    public List<JsonNode> ofType(String type) {
        return published.stream().filter(e -> e.path("type").asText().equals(type)).toList();
    }

    public JsonNode only(String type) {
        List<JsonNode> events = ofType(type);
        if (events.size() != 1) {
            throw new AssertionError("expected one " + type + ", published: " + published);
        }
        return events.getFirst();
    }

    /** A file of the repository's {@code events/}, as JSON. */
    public static JsonNode sample(String path) {
        return read(text(path));
    }

    public static String text(String path) {
        try {
            return Files.readString(Template.projectRoot().resolve("events").resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
