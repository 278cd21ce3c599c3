package dev.storecrm.platform.adapter;

import java.util.List;

/**
 * Where an adapter publishes canonical events: the store's event bus ({@code PutEvents} through
 * {@link dev.storecrm.platform.events.EventBridgeStoreBus}), or a list in a unit test.
 */
@FunctionalInterface
public interface StoreBus {

    /** Publishes canonical events (JSON) in order; throws if the bus did not take them all. */
    void publish(List<String> canonicalEvents);
}
