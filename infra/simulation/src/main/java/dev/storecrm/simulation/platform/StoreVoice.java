package dev.storecrm.simulation.platform;

import dev.storecrm.domain.json.tree.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the simulated store tells StoreCRM what happens: canonical events on the store bus, or a
 * platform's own payloads through its adapter. The store plans canonical events (its intents);
 * a voice delivers them and answers what the system was told, as canonical events with the ids the
 * system knows them by (a platform's customer and order ids), for the simulation's ground truth.
 */
public interface StoreVoice {

    /** What one moment's events became. */
    record Told(List<ObjectNode> events, List<String> unrouted) {}

    /** The store's plan before the run: a platform learns its customers (their payloads embed them). */
    void prepare(List<ObjectNode> planned);

    /** Delivers the store's events of one moment, in order; answers what the system was told. */
    Told tell(List<ObjectNode> events, Instant now);

    /** A member pressed a mail's unsubscribe link: their id in the system (the voice stops opting them in). */
    String unsubscribed(String storeCustomerId);

    /** The store's cart a mail links back to (its recovery link), if any. */
    Optional<String> cartIn(String mailHtml);

    /** Function URL invocations the voice made (webhooks), by function. */
    Map<String, Integer> invocations();

    /** At the end: what an adapter refused or lost of the store's payloads. */
    List<String> lost();

    /** For the report: what went which way, and what the platform could not say. */
    String report();
}
