package dev.storecrm.domain.messaging;

import java.util.List;

/**
 * Where workflows put the messages they want sent; the sender takes it from there (eligibility,
 * caps, quiet hours, rendering, exactly-once sending). One line for a workflow:
 * {@code outbox.enqueue(MessageRequest.marketing(key, "birthday", customerId, "birthday-greeting", data, now))}.
 */
public interface MessageOutbox {

    void enqueue(MessageRequest request);

    default void enqueueAll(List<MessageRequest> requests) {
        requests.forEach(this::enqueue);
    }
}
