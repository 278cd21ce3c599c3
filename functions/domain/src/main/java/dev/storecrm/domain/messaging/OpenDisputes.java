package dev.storecrm.domain.messaging;

/** Whether a customer has a dispute that is not resolved: marketing waits until it is. */
public interface OpenDisputes {

    boolean hasOpenDispute(String customerId);
}
