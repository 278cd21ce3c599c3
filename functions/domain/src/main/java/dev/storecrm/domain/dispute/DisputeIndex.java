package dev.storecrm.domain.dispute;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The agents' queue: disputes of one status, nearest deadline first (resolved and closed: newest first). */
public interface DisputeIndex {

    /** A dispute as the queue lists it. */
    record Listed(String disputeId, DisputeStatus status, Instant statusSince, Optional<String> orderId,
                  Optional<String> customerId, Optional<String> channel, Optional<String> reason,
                  Optional<Long> amount, Optional<String> currency, Optional<String> nextDeadline,
                  Optional<Instant> nextDeadlineAt) {}

    /** One page, and where the next one starts (an opaque token), if there is more. */
    record Page(List<Listed> disputes, Optional<String> next) {}

    Page list(DisputeStatus status, int limit, Optional<String> after);
}
