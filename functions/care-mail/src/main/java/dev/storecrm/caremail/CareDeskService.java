package dev.storecrm.caremail;

import dev.storecrm.domain.json.tree.JsonProcessingException;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ArrayNode;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.domain.ConcurrentUpdateException;
import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.caremail.CareIntake;
import dev.storecrm.domain.caremail.CareReplies;
import dev.storecrm.domain.caremail.Conversation;
import dev.storecrm.domain.caremail.ConversationStore;
import dev.storecrm.domain.caremail.ConversationStore.Entry;
import dev.storecrm.domain.caremail.SavedReplies;
import dev.storecrm.platform.http.HttpAnswer;
import dev.storecrm.platform.http.StaffRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The care team's routes on the staff API:
 * <pre>
 * GET  /care/conversations?category=delivery&amp;limit=25   open conversations, nearest answer deadline first
 *                                                      (without a category: every category's, merged)
 * GET  /care/conversations/{conversationId}              one conversation with its thread (messages, history)
 * POST /care/conversations/{conversationId}/delay        {"answerBy": "2027-01-06T10:00:00Z"}: the answer will take
 *                                                      longer; the deadline moves, the customer is told, the chase
 *                                                      is re-armed
 * POST /care/conversations/{conversationId}/replies      {"text": "...", "close": true, "requestKey": "r-1"}: the
 *                                                      reply to the customer, once per request key; closes the
 *                                                      conversation or waits for the customer
 * POST /care/conversations/{conversationId}/close        closes it without a reply
 * GET  /care/saved-replies?category=delivery             the saved replies (all, or a category's), zh-CN and en;
 *      &amp;conversationId=c-0123456789abcdef                    with their placeholders filled from the conversation
 * </pre>
 * 404 for an unknown conversation, 409 when the conversation cannot do that (closed; a deadline not later), 400 for
 * a malformed request.
 */
final class CareDeskService {

    static final Set<String> GROUPS = Set.of("agents", "admins");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DETAIL = Pattern.compile("/care/conversations/(c-[0-9a-f]{16})");
    private static final Pattern ACTION = Pattern.compile("/care/conversations/(c-[0-9a-f]{16})/(delay|replies|close)");
    private static final int DEFAULT_LIMIT = 25;
    private static final int MAX_LIMIT = 100;
    private static final int THREAD_LIMIT = 200;

    private final CareIntake intake;
    private final ConversationStore conversations;
    private final CareReplies replies;
    private final SavedReplies saved;
    private final Clock clock;

    CareDeskService(CareIntake intake, ConversationStore conversations, CareReplies replies, SavedReplies saved,
                    Clock clock) {
        this.intake = intake;
        this.conversations = conversations;
        this.replies = replies;
        this.saved = saved;
        this.clock = clock;
    }

    HttpAnswer handle(StaffRequest request) {
        String route = request.path().replaceAll("/+$", "");
        String method = request.method();
        try {
            if (route.equals("/care/conversations")) {
                return method.equals("GET") ? list(request) : error(405, "method_not_allowed", method + " " + route);
            }
            Matcher detail = DETAIL.matcher(route);
            if (detail.matches()) {
                return method.equals("GET") ? detail(detail.group(1)) : error(405, "method_not_allowed", route);
            }
            Matcher action = ACTION.matcher(route);
            if (action.matches()) {
                return method.equals("POST") ? act(action.group(1), action.group(2), request)
                        : error(405, "method_not_allowed", route);
            }
            if (route.equals("/care/saved-replies")) {
                return method.equals("GET") ? savedReplies(request) : error(405, "method_not_allowed", route);
            }
            if (route.startsWith("/care/conversations/")) {
                return error(404, "not_found", "conversation ids look like c-0123456789abcdef");
            }
            return error(404, "not_found", "no route " + method + " " + route);
        } catch (InvalidInputException bad) {
            return error(400, "bad_request", bad.detail());
        }
    }

    private HttpAnswer list(StaffRequest request) {
        int limit = limit(request.query().get("limit"));
        Optional<String> category = Optional.ofNullable(request.query().get("category")).filter(c -> !c.isBlank());
        if (category.isPresent() && !intake.categories().contains(category.get())) {
            return error(400, "bad_request", "category must be one of " + intake.categories());
        }
        List<Conversation> open = new ArrayList<>();
        for (String name : category.map(List::of).orElseGet(intake::categories)) {
            open.addAll(conversations.openByCategory(name, limit));
        }
        open.sort(Comparator.comparing(Conversation::answerBy));
        ObjectNode body = JSON.createObjectNode();
        ArrayNode items = body.putArray("conversations");
        open.stream().limit(limit).forEach(c -> items.add(view(c)));
        return HttpAnswer.json(200, body.toString());
    }

    private HttpAnswer detail(String id) {
        Optional<Conversation> conversation = conversations.get(id);
        if (conversation.isEmpty()) {
            return error(404, "not_found", "no conversation " + id);
        }
        ObjectNode body = view(conversation.get());
        List<Entry> entries = conversations.thread(id, THREAD_LIMIT + 1);
        boolean earlier = entries.size() > THREAD_LIMIT;
        ArrayNode thread = body.putArray("thread");
        entries.subList(earlier ? 1 : 0, entries.size()).forEach(entry -> thread.addObject()
                .put("at", entry.at().toString()).put("kind", entry.kind()).put("text", entry.summary()));
        body.put("earlierEntries", earlier);
        return HttpAnswer.json(200, body.toString());
    }

    private HttpAnswer act(String id, String action, StaffRequest request) {
        Optional<Conversation> conversation = conversations.get(id);
        if (conversation.isEmpty()) {
            return error(404, "not_found", "no conversation " + id);
        }
        JsonNode body;
        try {
            body = JSON.readTree(request.body() == null || request.body().isBlank() ? "{}" : request.body());
        } catch (JsonProcessingException e) {
            return error(400, "bad_request", "the body must be a JSON object");
        }
        try {
            return switch (action) {
                case "delay" -> delay(id, body, request.caller());
                case "replies" -> reply(conversation.get(), body, request.caller());
                default -> HttpAnswer.json(200, view(replies.close(conversation.get(), request.caller())).toString());
            };
        } catch (InvalidInputException refused) {
            return refused.reason() == RejectReason.SCHEMA_VIOLATION ? error(400, "bad_request", refused.detail())
                    : error(409, "conflict", refused.detail());
        } catch (ConcurrentUpdateException changed) {
            return error(409, "conflict", "the conversation changed meanwhile (the customer wrote?): reload it");
        }
    }

    private HttpAnswer delay(String id, JsonNode body, String caller) {
        Instant answerBy;
        try {
            answerBy = Instant.parse(body.path("answerBy").asText(""));
        } catch (DateTimeParseException e) {
            return error(400, "bad_request", "the body is {\"answerBy\": \"2027-01-06T10:00:00Z\"}");
        }
        return HttpAnswer.json(200, view(intake.delay(id, answerBy, caller)).toString());
    }

    private HttpAnswer reply(Conversation conversation, JsonNode body, String caller) {
        if (!body.path("text").isTextual() || !body.path("close").isBoolean()) {
            return error(400, "bad_request", "the body is {\"text\": \"...\", \"close\": true|false, "
                    + "\"requestKey\": \"r-1\"}");
        }
        CareReplies.Replied replied = replies.reply(conversation, body.path("requestKey").asText(""),
                body.path("text").asText(), body.path("close").asBoolean(), caller);
        ObjectNode answer = view(replied.conversation());
        answer.put("repeated", replied.repeated());
        return HttpAnswer.json(200, answer.toString());
    }

    private HttpAnswer savedReplies(StaffRequest request) {
        Optional<String> category = Optional.ofNullable(request.query().get("category")).filter(c -> !c.isBlank());
        if (category.isPresent() && !intake.categories().contains(category.get())) {
            return error(400, "bad_request", "category must be one of " + intake.categories());
        }
        Optional<Conversation> conversation = Optional.empty();
        String id = request.query().getOrDefault("conversationId", "");
        if (!id.isBlank()) {
            if (!DETAIL.matcher("/care/conversations/" + id).matches()) {
                return error(400, "bad_request", "conversationId must look like c-0123456789abcdef");
            }
            conversation = conversations.get(id);
            if (conversation.isEmpty()) {
                return error(404, "not_found", "no conversation " + id);
            }
        }
        ObjectNode body = JSON.createObjectNode();
        ArrayNode items = body.putArray("savedReplies");
        for (SavedReplies.Reply each : category.map(saved::of).orElseGet(saved::all)) {
            SavedReplies.Reply reply = conversation.map(c -> replies.filled(each, c)).orElse(each);
            ObjectNode item = items.addObject().put("id", reply.id()).put("category", reply.category());
            ObjectNode title = item.putObject("title");
            ObjectNode text = item.putObject("text");
            SavedReplies.LOCALES.forEach(locale -> {
                title.put(locale, reply.title().get(locale));
                text.put(locale, reply.text().get(locale));
            });
        }
        return HttpAnswer.json(200, body.toString());
    }

    private ObjectNode view(Conversation c) {
        ObjectNode node = JSON.createObjectNode();
        node.put("conversationId", c.conversationId());
        node.put("status", c.status().name());
        node.put("category", c.category());
        node.put("urgent", c.urgent());
        node.put("customerId", c.customerId().orElse(null));
        node.put("email", c.email());
        node.put("locale", c.locale());
        node.put("orderId", c.orderId().orElse(null));
        node.put("subject", c.subject());
        node.put("openedAt", c.openedAt().toString());
        node.put("lastMessageAt", c.lastMessageAt().toString());
        node.put("messages", c.messages());
        node.put("answerBy", c.answerBy().toString());
        node.put("overdue", c.isOpen() && c.answerBy().isBefore(clock.instant()));
        return node;
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // The same answer as for a number out of range.
        }
        throw new InvalidInputException(RejectReason.SCHEMA_VIOLATION,
                "limit must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static HttpAnswer error(int status, String error, String reason) {
        ObjectNode body = JSON.createObjectNode().put("error", error).put("reason", reason);
        return HttpAnswer.json(status, body.toString());
    }
}
