package dev.storecrm.domain.templates;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.JsonProcessingException;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.messaging.Category;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * A template's {@code sample.json}: its category, sample data per locale and a recipient name. The variables it
 * gives a renderer are those the sender gives a real message: the locale's data, {@code recipient.name},
 * {@code store.name}, {@code store.url}, {@code store.postalAddress} and {@code unsubscribeUrl}. {@code ./dev
 * preview}, the staff API's preview and the publish checks all render with them.
 */
public record TemplateSample(Category category, Map<String, Map<String, Object>> locales, String recipientName) {

    /** The unsubscribe link samples render with. */
    public static final String UNSUBSCRIBE_URL = "https://example.invalid/unsubscribe?token=preview";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The store's details the sender adds to every message. */
    public record Store(String name, String url, String postalAddress) {}

    public TemplateSample {
        locales = Map.copyOf(locales);
    }

    /** Reads a {@code sample.json}. */
    @SuppressWarnings("unchecked")
    public static TemplateSample parse(String json) {
        JsonNode spec;
        try {
            spec = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(RejectReason.TEMPLATE_ERROR, "sample.json is not JSON");
        }
        Map<String, Map<String, Object>> locales = new HashMap<>();
        iterable(spec.path("locales")).forEach(locale -> locales.put(locale,
                JSON.convertValue(spec.path("locales").path(locale), Map.class)));
        return new TemplateSample(Category.valueOf(spec.path("category").asText("transactional")), locales,
                spec.path("recipient").path("name").asText(""));
    }

    /** The variables a message in {@code locale} renders with (an empty data set if the sample lacks it). */
    public Map<String, Object> variables(String locale, Store store) {
        Map<String, Object> variables = new HashMap<>(locales.getOrDefault(locale, Map.of()));
        variables.put("recipient", Map.of("name", recipientName));
        variables.put("store", Map.of("name", store.name(), "url", store.url(),
                "postalAddress", store.postalAddress()));
        variables.put("unsubscribeUrl", UNSUBSCRIBE_URL);
        return variables;
    }

    private static List<String> iterable(JsonNode node) {
        return StreamSupport.stream(((Iterable<String>) node::fieldNames).spliterator(), false).toList();
    }
}
