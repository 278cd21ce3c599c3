package dev.storecrm.domain.caremail;

import dev.storecrm.domain.json.Json;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How customer mail is classified, as data: categories checked in order, each with its keywords in zh-CN and en,
 * its answer deadline and whether it is urgent; the pattern that finds order numbers; the deadline of urgent mail.
 * The bundled {@code care-rules/default.json} is read first, then the store's overrides ({@code CARE_RULES}, a JSON
 * object with any of the same fields; a category of the same name replaces the bundled one, a new one is added
 * before {@code other}). Rules that do not read are a start-up error naming the field, never a silent default.
 */
public final class CareRules {

    /** One category of customer mail. */
    public record Category(String name, Map<String, String> label, boolean urgent, Duration answerWithin,
                           List<String> keywords) {
        public Category {
            if (!name.matches("[a-z][a-z0-9-]{0,31}")) {
                throw new IllegalArgumentException("category name " + name + " must be lower-case letters, digits, -");
            }
            label = Map.copyOf(label);
            keywords = keywords.stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
        }

        public String labelIn(String locale) {
            return label.getOrDefault(locale, label.getOrDefault("en", name));
        }
    }

    /** What the rules make of a mail: its category, whether it is urgent and the order numbers it names. */
    public record Classification(Category category, boolean urgent, List<String> orderNumbers) {
        public Duration answerWithin(CareRules rules) {
            return urgent ? min(category.answerWithin(), rules.urgentAnswerWithin()) : category.answerWithin();
        }

        private static Duration min(Duration a, Duration b) {
            return a.compareTo(b) <= 0 ? a : b;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ORDER_NUMBERS = 5;

    private final List<Category> categories;
    private final String defaultCategory;
    private final Duration urgentAnswerWithin;
    private final Pattern orderNumber;

    private CareRules(List<Category> categories, String defaultCategory, Duration urgentAnswerWithin,
                      Pattern orderNumber) {
        this.categories = List.copyOf(categories);
        this.defaultCategory = defaultCategory;
        this.urgentAnswerWithin = urgentAnswerWithin;
        this.orderNumber = orderNumber;
        category(defaultCategory).orElseThrow(() -> new IllegalStateException("care rules: defaultCategory "
                + defaultCategory + " is not one of the categories"));
    }

    /** The bundled rules with the store's overrides (blank: none). */
    public static CareRules load(String overrides) {
        JsonNode bundled = Json.setting(bundled("care-rules/default.json"), "care-rules/default.json");
        Map<String, Category> byName = new LinkedHashMap<>();
        for (JsonNode node : bundled.path("categories")) {
            Category category = category(node);
            byName.put(category.name(), category);
        }
        JsonNode override = overrides == null || overrides.isBlank() ? JSON.createObjectNode()
                : Json.setting(overrides, "CARE_RULES");
        for (JsonNode node : override.path("categories")) {
            Category category = category(node);
            byName.put(category.name(), category);
        }
        String fallback = text(override, "defaultCategory", text(bundled, "defaultCategory"));
        Optional.ofNullable(byName.remove(fallback)).ifPresent(c -> byName.put(fallback, c));
        try {
            return new CareRules(new ArrayList<>(byName.values()), fallback,
                    Duration.parse(text(override, "urgentAnswerWithin", text(bundled, "urgentAnswerWithin"))),
                    Pattern.compile(text(override, "orderNumber", text(bundled, "orderNumber"))));
        } catch (RuntimeException e) {
            throw new IllegalStateException("care rules: " + e.getMessage(), e);
        }
    }

    public List<Category> categories() {
        return categories;
    }

    public Duration urgentAnswerWithin() {
        return urgentAnswerWithin;
    }

    public Optional<Category> category(String name) {
        return categories.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /**
     * The category with most keyword hits (the subject's count twice), the order numbers, and urgency: a mail is
     * urgent when an urgent category's keyword is in it (a complaint about a late parcel is still a complaint), or
     * the customer has an open dispute.
     */
    public Classification classify(String subject, String text, boolean openDispute) {
        String subjectLower = subject.toLowerCase(Locale.ROOT);
        String textLower = text.toLowerCase(Locale.ROOT);
        Category best = category(defaultCategory).orElseThrow();
        int bestScore = 0;
        boolean urgent = openDispute;
        for (Category category : categories) {
            int score = 0;
            for (String keyword : category.keywords()) {
                score += 2 * hits(subjectLower, keyword) + hits(textLower, keyword);
            }
            urgent |= category.urgent() && score > 0;
            if (score > bestScore) {
                best = category;
                bestScore = score;
            }
        }
        return new Classification(best, urgent || best.urgent(), orderNumbers(subject + "\n" + text));
    }

    /** The order numbers the text names, in order, without repeats, at most five. */
    public List<String> orderNumbers(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = orderNumber.matcher(text);
        while (matcher.find() && found.size() < MAX_ORDER_NUMBERS) {
            found.add(matcher.groupCount() >= 1 && matcher.group(1) != null ? matcher.group(1) : matcher.group());
        }
        return List.copyOf(found);
    }

    /** Occurrences of a keyword; an ASCII one only at a word start ("return" in "returned", not "fit" in "profit"). */
    private static int hits(String text, String keyword) {
        boolean ascii = keyword.chars().allMatch(c -> c < 128);
        int count = 0;
        for (int at = text.indexOf(keyword); at >= 0; at = text.indexOf(keyword, at + keyword.length())) {
            if (!ascii || at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1))) {
                count++;
            }
        }
        return count;
    }

    private static Category category(JsonNode node) {
        String name = node.path("name").asText("");
        try {
            Map<String, String> label = new LinkedHashMap<>();
            node.path("label").fields().forEachRemaining(e -> label.put(e.getKey(), e.getValue().asText()));
            List<String> keywords = new ArrayList<>();
            node.path("keywords").fields().forEachRemaining(e -> e.getValue().forEach(k -> keywords.add(k.asText())));
            return new Category(name, label, node.path("urgent").asBoolean(false),
                    Duration.parse(node.path("answerWithin").asText("PT24H")), keywords);
        } catch (RuntimeException e) {
            throw new IllegalStateException("care rules: category " + name + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).asText();
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }

    /** A data file bundled with the domain module (the rules, the saved replies). */
    static String bundled(String path) {
        try (InputStream in = CareRules.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the build");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
