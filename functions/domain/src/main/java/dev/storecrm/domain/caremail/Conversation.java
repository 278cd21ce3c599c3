package dev.storecrm.domain.caremail;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's e-mail conversation with the store: who (the member it was matched to, or only the address),
 * what about (category, urgency, the order it names), and by when it must be answered. The messages and the
 * history are items of their own, so the conversation stays the same size however long it runs. {@code lastMessageId}
 * is the customer's latest Message-ID (without angle brackets; empty for conversations recorded before it was kept):
 * an agent's reply names it in {@code In-Reply-To} and {@code References}.
 */
public record Conversation(String conversationId, Status status, String category, boolean urgent,
                           Optional<String> customerId, String email, Optional<String> name, String locale,
                           Optional<String> orderId, String subject, Instant openedAt, Instant lastMessageAt,
                           int messages, Instant answerBy, String lastMessageId) {

    /**
     * {@code open}: the care team owes an answer (in the agents' queue, chased); {@code waiting}: an agent answered
     * and waits for the customer (out of the queue, not chased; the customer's next mail reopens it with a fresh
     * deadline); {@code closed}: done (a later mail from the customer reopens it as well).
     */
    public enum Status { open, waiting, closed }

    public Conversation {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(lastMessageAt, "lastMessageAt");
        Objects.requireNonNull(answerBy, "answerBy");
        Objects.requireNonNull(lastMessageId, "lastMessageId");
    }

    public boolean isOpen() {
        return status == Status.open;
    }

    public Conversation withAnswerBy(Instant newAnswerBy) {
        return new Conversation(conversationId, status, category, urgent, customerId, email, name, locale, orderId,
                subject, openedAt, lastMessageAt, messages, newAnswerBy, lastMessageId);
    }

    public Conversation withStatus(Status newStatus) {
        return new Conversation(conversationId, newStatus, category, urgent, customerId, email, name, locale, orderId,
                subject, openedAt, lastMessageAt, messages, answerBy, lastMessageId);
    }
}
