package dev.storecrm.domain.caremail;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.messaging.MessageOutbox;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The care team's answers: a reply to the customer, which closes the conversation or waits for the customer, and
 * closing without a reply. A reply goes once per request key: the key's mark, the reply, the history and the new
 * status are written together on condition that the key is new and the conversation unchanged; then the message
 * ({@code CARE#<conversation>#reply#<request key>}) goes to the outbox. A request sent again finds the mark and
 * puts the same message on the outbox again (the send ledger lets it go once), so a crash between the two loses
 * nothing and a double click sends one mail. A waiting or closed conversation is not chased (the chase's firings
 * find it not open); the customer's next mail reopens it ({@link CareIntake}).
 */
public final class CareReplies {

    /** The longest reply an agent may send, in characters. */
    public static final int MAX_TEXT = 10_000;
    private static final Pattern REQUEST_KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final ConversationStore store;
    private final CareMessages messages;
    private final MessageOutbox outbox;
    private final Clock clock;

    public CareReplies(ConversationStore store, CareMessages messages, MessageOutbox outbox, Clock clock) {
        this.store = store;
        this.messages = messages;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** What a reply did: the conversation after it, and whether this request was a repeat of an earlier one. */
    public record Replied(Conversation conversation, boolean repeated) {}

    /**
     * Sends {@code text} to the customer under {@code requestKey} and leaves the conversation closed or waiting.
     * Malformed input (an empty or over-long text, a saved reply's blank left unfilled, a bad request key) is
     * {@link RejectReason#SCHEMA_VIOLATION};
     * a closed conversation is {@link RejectReason#INVALID_TRANSITION}.
     */
    public Replied reply(Conversation conversation, String requestKey, String text, boolean close, String actor) {
        if (requestKey == null || !REQUEST_KEY.matcher(requestKey).matches()) {
            throw new InvalidInputException(RejectReason.SCHEMA_VIOLATION,
                    "requestKey must be 1 to 64 letters, digits, '-' or '_' (one per reply the agent sends)");
        }
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw new InvalidInputException(RejectReason.SCHEMA_VIOLATION,
                    "text must not be empty and at most " + MAX_TEXT + " characters");
        }
        Matcher blank = SavedReplies.BLANK.matcher(text);
        if (blank.find()) {
            throw new InvalidInputException(RejectReason.SCHEMA_VIOLATION, "text still has the blank " + blank.group()
                    + " of a saved reply: write the " + blank.group(1) + " in before sending");
        }
        Optional<ConversationStore.AgentReply> earlier = store.reply(conversation.conversationId(), requestKey);
        if (earlier.isPresent()) {
            return repeated(conversation, earlier.get());
        }
        if (conversation.status() == Conversation.Status.closed) {
            throw new InvalidInputException(RejectReason.INVALID_TRANSITION, "the conversation is closed");
        }
        ConversationStore.AgentReply reply = new ConversationStore.AgentReply(requestKey, text.strip(), close, actor,
                clock.instant());
        Conversation after = conversation.withStatus(close ? Conversation.Status.closed : Conversation.Status.waiting);
        if (!store.recordReply(conversation, after, reply)) {
            return repeated(store.get(conversation.conversationId()).orElse(after),
                    store.reply(conversation.conversationId(), requestKey).orElse(reply));
        }
        outbox.enqueue(messages.reply(after, reply, clock.instant()));
        return new Replied(after, false);
    }

    /** {@code reply} with its placeholders filled from {@code conversation} (a missing value leaves a blank). */
    public SavedReplies.Reply filled(SavedReplies.Reply reply, Conversation conversation) {
        return SavedReplies.filled(reply, messages.placeholders(conversation));
    }

    /** Closes the conversation without a reply; a closed one is {@link RejectReason#INVALID_TRANSITION}. */
    public Conversation close(Conversation conversation, String actor) {
        if (conversation.status() == Conversation.Status.closed) {
            throw new InvalidInputException(RejectReason.INVALID_TRANSITION, "the conversation is closed");
        }
        store.close(conversation, actor, clock.instant());
        return conversation.withStatus(Conversation.Status.closed);
    }

    private Replied repeated(Conversation conversation, ConversationStore.AgentReply earlier) {
        outbox.enqueue(messages.reply(conversation, earlier, clock.instant()));
        return new Replied(conversation, true);
    }
}
