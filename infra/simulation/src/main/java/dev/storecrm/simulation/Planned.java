package dev.storecrm.simulation;

import dev.storecrm.domain.json.tree.ObjectNode;
import java.time.Instant;

/** Something the simulated world does at a moment: publish an event, click a link, break something. */
sealed interface Planned {

    /** When it happens (for an event: when the store's adapter publishes it, which a fault may delay). */
    Instant at();

    /** A store event on the bus. {@code copy} marks a duplicate delivery injected as a fault. */
    record Publish(Instant at, ObjectNode event, boolean copy) implements Planned {}

    /** A member clicks the one-click unsubscribe of a marketing mail (the token from its List-Unsubscribe header). */
    record Unsubscribe(Instant at, String customerId, String query) implements Planned {}

    /** A poison message straight onto a consumer queue (fault). */
    record Poison(Instant at, String queueLogicalId, String body, String name) implements Planned {}

    /** SES refuses the next sends with its throttling error (fault). */
    record Throttle(Instant at, int sends) implements Planned {}

    /** A client's calls to a function URL (the store's checkout redeeming points): how many it made. */
    record Call(Instant at, String function, java.util.function.IntSupplier calls) implements Planned {}
}
