package dev.storecrm.domain.loyalty;

import dev.storecrm.domain.messaging.MessageRequest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one decision writes, all in one conditional write: the account after it, the order's record
 * (or a request's marker, for an adjustment or referral made once per request key), the postings
 * that became entries, and the messages to put on the outbox first (idempotent by business key).
 *
 * @param rearm the member's timer is set to the account's next due moment whatever it was (the
 *              firing of that timer), rather than only brought forward
 */
public record Change(PointsAccount account, Optional<OrderPointsState> order, Optional<String> request,
                     List<Posting> postings, List<MessageRequest> messages, boolean rearm) {

    public Change {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(request, "request");
        postings = List.copyOf(postings);
        messages = List.copyOf(messages);
    }

    public static Change of(PointsAccount account, OrderPointsState order, List<Posting> postings) {
        return new Change(account, Optional.of(order), Optional.empty(), postings, List.of(), false);
    }
}
