package dev.storecrm.caremail;

import dev.storecrm.domain.caremail.Conversation;
import dev.storecrm.domain.caremail.ConversationStore;
import dev.storecrm.domain.caremail.InboundMail;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The conversation store in memory, with the same once-per-Message-ID rule as the DynamoDB one. */
final class InMemoryConversations implements ConversationStore {

    private final Map<String, Conversation> conversations = new HashMap<>();
    private final Map<String, String> marks = new HashMap<>();
    private final Map<String, List<Entry>> threads = new HashMap<>();
    private final Map<String, AgentReply> replies = new HashMap<>();

    @Override
    public Optional<Conversation> get(String conversationId) {
        return Optional.ofNullable(conversations.get(conversationId));
    }

    @Override
    public Optional<String> conversationOf(String messageId) {
        return Optional.ofNullable(marks.get(messageId));
    }

    @Override
    public boolean record(Optional<Conversation> before, Conversation conversation, InboundMail mail, String note) {
        if (marks.putIfAbsent(mail.messageId(), conversation.conversationId()) != null) {
            return false;
        }
        conversations.put(conversation.conversationId(), conversation);
        note(conversation.conversationId(), mail.receivedAt(), "received", note);
        threads.get(conversation.conversationId()).add(new Entry(mail.receivedAt(), "message", mail.text()));
        return true;
    }

    @Override
    public void moveDeadline(Conversation moved, Instant previous, String actor, Instant at) {
        conversations.put(moved.conversationId(), moved);
        note(moved.conversationId(), at, "deadline-moved", previous + " -> " + moved.answerBy() + " by " + actor);
    }

    @Override
    public Optional<AgentReply> reply(String conversationId, String requestKey) {
        return Optional.ofNullable(replies.get(conversationId + "#" + requestKey));
    }

    @Override
    public boolean recordReply(Conversation before, Conversation after, AgentReply reply) {
        if (replies.putIfAbsent(after.conversationId() + "#" + reply.requestKey(), reply) != null) {
            return false;
        }
        conversations.put(after.conversationId(), after);
        note(after.conversationId(), reply.at(), "replied", "by " + reply.actor() + "\n\n" + reply.text());
        note(after.conversationId(), reply.at(), after.status().name(), "by " + reply.actor());
        return true;
    }

    @Override
    public void close(Conversation before, String actor, Instant at) {
        conversations.put(before.conversationId(), before.withStatus(Conversation.Status.closed));
        note(before.conversationId(), at, "closed", "by " + actor);
    }

    @Override
    public void note(String conversationId, Instant at, String kind, String detail) {
        threads.computeIfAbsent(conversationId, id -> new ArrayList<>()).add(new Entry(at, kind, detail));
    }

    @Override
    public List<Conversation> openByCategory(String category, int limit) {
        return conversations.values().stream().filter(c -> c.isOpen() && c.category().equals(category))
                .sorted(Comparator.comparing(Conversation::answerBy)).limit(limit).toList();
    }

    @Override
    public List<Entry> thread(String conversationId, int limit) {
        List<Entry> thread = threads.getOrDefault(conversationId, List.of());
        return thread.subList(Math.max(0, thread.size() - limit), thread.size());
    }
}
