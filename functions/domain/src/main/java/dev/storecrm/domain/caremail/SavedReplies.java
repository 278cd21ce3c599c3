package dev.storecrm.domain.caremail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storecrm.domain.json.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The care team's saved replies per category, in zh-CN and en ({@code care-replies/default.json}): the console
 * offers them in the reply box, where the agent inserts one and edits it before sending. Checked when loaded: every
 * reply has an id of its own, a category the rules know, and a title and a text in both languages (a text no longer
 * than a reply may be); a file that does not read stops the function at start with the reply named.
 */
public final class SavedReplies {

    /** The languages every saved reply is written in. */
    public static final List<String> LOCALES = List.of("zh-CN", "en");

    /** One saved reply: its title and text by language. */
    public record Reply(String id, String category, Map<String, String> title, Map<String, String> text) {}

    private final List<Reply> replies;

    private SavedReplies(List<Reply> replies) {
        this.replies = List.copyOf(replies);
    }

    /** The bundled saved replies, held against the categories of {@code rules}. */
    public static SavedReplies load(CareRules rules) {
        JsonNode file = Json.setting(CareRules.bundled("care-replies/default.json"), "care-replies/default.json");
        List<Reply> replies = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode node : file.path("replies")) {
            String id = node.path("id").asText("");
            String where = "care-replies/default.json: reply " + (id.isEmpty() ? "#" + (replies.size() + 1) : id);
            String category = node.path("category").asText("");
            if (id.isBlank() || !ids.add(id)) {
                throw new IllegalStateException(where + " needs an id of its own");
            }
            if (rules.category(category).isEmpty()) {
                throw new IllegalStateException(where + ": category " + category + " is not one of the rules'");
            }
            replies.add(new Reply(id, category, texts(node.path("title"), where + " title", 200),
                    texts(node.path("text"), where + " text", CareReplies.MAX_TEXT)));
        }
        return new SavedReplies(replies);
    }

    public List<Reply> all() {
        return replies;
    }

    public List<Reply> of(String category) {
        return replies.stream().filter(r -> r.category().equals(category)).toList();
    }

    private static Map<String, String> texts(JsonNode node, String where, int max) {
        for (String locale : LOCALES) {
            String text = node.path(locale).asText("");
            if (text.isBlank() || text.length() > max) {
                throw new IllegalStateException(where + " in " + locale + " must be 1 to " + max + " characters");
            }
        }
        return Map.of("zh-CN", node.path("zh-CN").asText(), "en", node.path("en").asText());
    }
}
