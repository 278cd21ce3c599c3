package dev.storecrm.domain.caremail;

import java.util.Optional;

/** What the intake asks the member archive: who writes, whose order it is, whether a dispute is open. */
public interface CareCustomers {

    /** The member with this normalised address, if exactly one has it. */
    Optional<String> memberByEmail(String emailKey);

    /** The member an order belongs to: the member's own order, or the owner the payment adapters recorded. */
    Optional<String> ownerOf(String orderId, Optional<String> member);

    boolean hasOpenDispute(String customerId);
}
