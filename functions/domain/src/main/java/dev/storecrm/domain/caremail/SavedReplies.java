package dev.storecrm.domain.caremail;

import dev.storecrm.domain.json.Json;
import dev.storecrm.domain.json.tree.JsonNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The care team's saved replies per category, in zh-CN and en: the bundled {@code care-replies/default.json}, then
 * the store's ({@code CARE_SAVED_REPLIES}, a JSON object {@code {"replies": [...]}} in the same form: a reply of the
 * same id replaces the bundled one, a new id is added). The console offers them in the reply box, where the agent
 * inserts one and edits it before sending. Checked when loaded: every reply has an id, a category the rules know,
 * and a title and a text in both languages (a text no longer than a reply may be) whose placeholders are all
 * {@link #PLACEHOLDERS}; replies that do not read stop the function at start with the file and the reply named.
 *
 * <p>A text's placeholders ({@code {{customerName}}}, {@code {{orderNumber}}}, {@code {{deadline}}},
 * {@code {{subject}}}) are filled from a conversation in one pass, so a value that itself reads like a placeholder
 * stays as it is; a value is one line of plain text (line breaks and control characters become spaces, at most
 * {@value #MAX_VALUE} characters). A value the conversation does not have leaves a visible blank,
 * {@code [___customerName___]}, which {@link CareReplies} refuses to send until the agent fills it.
 */
public final class SavedReplies {

    /** The languages every saved reply is written in. */
    public static final List<String> LOCALES = List.of("zh-CN", "en");

    /** The placeholders a saved reply's text may hold, filled from the conversation. */
    public static final List<String> PLACEHOLDERS = List.of("customerName", "orderNumber", "deadline", "subject");

    /** The blank a missing value leaves, e.g. {@code [___orderNumber___]}. */
    public static final Pattern BLANK = Pattern.compile("\\[___([A-Za-z]+)___]");

    static final int MAX_VALUE = 200;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    /** One saved reply: its title and text by language. */
    public record Reply(String id, String category, Map<String, String> title, Map<String, String> text) {}

    private final List<Reply> replies;

    private SavedReplies(List<Reply> replies) {
        this.replies = List.copyOf(replies);
    }

    /** The bundled saved replies with the store's ({@code overrides}, blank: none), held against {@code rules}. */
    public static SavedReplies load(CareRules rules, String overrides) {
        Map<String, Reply> byId = new LinkedHashMap<>();
        read(Json.setting(CareRules.bundled("care-replies/default.json"), "care-replies/default.json"),
                "care-replies/default.json", rules, byId);
        if (overrides != null && !overrides.isBlank()) {
            JsonNode file = Json.setting(overrides, "CARE_SAVED_REPLIES");
            if (!file.path("replies").isArray()) {
                throw new IllegalStateException("CARE_SAVED_REPLIES must have a \"replies\" array");
            }
            read(file, "CARE_SAVED_REPLIES", rules, byId);
        }
        return new SavedReplies(List.copyOf(byId.values()));
    }

    public List<Reply> all() {
        return replies;
    }

    public List<Reply> of(String category) {
        return replies.stream().filter(r -> r.category().equals(category)).toList();
    }

    /**
     * {@code reply} with its texts' placeholders filled from {@code values} (by placeholder name; an absent or blank
     * value leaves the visible blank).
     */
    public static Reply filled(Reply reply, Map<String, Optional<String>> values) {
        Map<String, String> text = new LinkedHashMap<>();
        reply.text().forEach((locale, template) -> {
            Matcher m = PLACEHOLDER.matcher(template);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String name = m.group(1);
                String value = values.getOrDefault(name, Optional.empty()).map(SavedReplies::oneLine)
                        .filter(v -> !v.isEmpty()).orElse("[___" + name + "___]");
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            text.put(locale, out.toString());
        });
        return new Reply(reply.id(), reply.category(), reply.title(), Map.copyOf(text));
    }

    private static String oneLine(String value) {
        String line = value.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
        return line.length() <= MAX_VALUE ? line : line.substring(0, MAX_VALUE - 1) + "…";
    }

    private static void read(JsonNode file, String source, CareRules rules, Map<String, Reply> byId) {
        int position = 0;
        Set<String> ids = new HashSet<>();
        for (JsonNode node : file.path("replies")) {
            position++;
            String id = node.path("id").asText("");
            String where = source + ": reply " + (id.isBlank() ? "#" + position : id);
            String category = node.path("category").asText("");
            if (!id.matches("[A-Za-z0-9_-]{1,64}")) {
                throw new IllegalStateException(where + " needs an id of 1 to 64 letters, digits, '-' or '_'");
            }
            if (!ids.add(id)) {
                throw new IllegalStateException(where + " needs an id of its own");
            }
            if (rules.category(category).isEmpty()) {
                throw new IllegalStateException(where + ": category " + category + " is not one of the rules'");
            }
            byId.put(id, new Reply(id, category, texts(node.path("title"), where + " title", 200),
                    texts(node.path("text"), where + " text", CareReplies.MAX_TEXT)));
        }
    }

    private static Map<String, String> texts(JsonNode node, String where, int max) {
        for (String locale : LOCALES) {
            String text = node.path(locale).asText("");
            if (text.isBlank() || text.length() > max) {
                throw new IllegalStateException(where + " in " + locale + " must be 1 to " + max + " characters");
            }
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                if (!PLACEHOLDERS.contains(m.group(1))) {
                    throw new IllegalStateException(where + " in " + locale + ": unknown placeholder " + m.group()
                            + " (known: " + PLACEHOLDERS + ")");
                }
            }
        }
        return Map.of("zh-CN", node.path("zh-CN").asText(), "en", node.path("en").asText());
    }
}
