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

    @Override
    public Optional<Conversation> get(String conversationId) {
        return Optional.ofNullable(conversations.get(conversationId));
    }

    @Override
    public Optional<String> conversationOf(String messageId) {
        return Optional.ofNullable(marks.get(messageId));
    }

    @Override
    public boolean record(Conversation conversation, InboundMail mail, String note) {
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
        return threads.getOrDefault(conversationId, List.of()).stream().limit(limit).toList();
    }
}
