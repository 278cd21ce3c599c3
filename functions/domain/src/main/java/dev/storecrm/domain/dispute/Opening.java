package dev.storecrm.domain.dispute;

import dev.storecrm.domain.event.DisputeEvent.Reason;
import dev.storecrm.domain.event.Stamp;
import dev.storecrm.domain.money.Money;
import java.util.Objects;

/** What DisputeOpened says once: the order, the customer, the channel, the reason and the amount disputed. */
public record Opening(String orderId, String customerId, String channel, Reason reason, Money amount, Stamp stamp) {

    public Opening {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(stamp, "stamp");
    }
}
