package dev.storecrm.domain.caremail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where conversations, their messages and their history are kept. Every mail is taken once, by its
 * {@code Message-ID}: {@link #record} writes the Message-ID's marker, the message and the conversation together,
 * on condition that the marker is new.
 */
public interface ConversationStore {

    /** One line of a conversation's thread: a message or a history entry, in time order. */
    record Entry(Instant at, String kind, String summary) {}

    /** An agent's reply, kept once per request key: what was sent, whether it closed, by whom and when. */
    record AgentReply(String requestKey, String text, boolean close, String actor, Instant at) {}

    Optional<Conversation> get(String conversationId);

    /** The conversation a message of ours or of the customer's belongs to, by its Message-ID. */
    Optional<String> conversationOf(String messageId);

    /**
     * Records the mail in {@code conversation} (as it is after the mail), on condition that the conversation is
     * still as {@code before} (empty: new); false if the Message-ID was taken.
     */
    boolean record(Optional<Conversation> before, Conversation conversation, InboundMail mail, String note);

    /** Moves the deadline of an open conversation, with the history entry saying who and why. */
    void moveDeadline(Conversation moved, Instant previous, String actor, Instant at);

    /** The reply an agent sent under {@code requestKey}, if there is one. */
    Optional<AgentReply> reply(String conversationId, String requestKey);

    /**
     * Records an agent's reply with the conversation as it is after it ({@code after}: waiting or closed) and the
     * history entries, on condition that the request key is new and the conversation is as {@code before}; false
     * if the request key was used before.
     */
    boolean recordReply(Conversation before, Conversation after, AgentReply reply);

    /** Closes the conversation without a reply, on condition that it is as {@code before}, with the history. */
    void close(Conversation before, String actor, Instant at);

    /** A history entry (an acknowledgement planned, a reminder, an escalation). */
    void note(String conversationId, Instant at, String kind, String detail);

    /** Open conversations of a category, the nearest deadline first. */
    List<Conversation> openByCategory(String category, int limit);

    /** The thread's newest {@code limit} entries (messages and history), oldest first. */
    List<Entry> thread(String conversationId, int limit);
}
