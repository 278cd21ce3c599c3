package dev.storecrm.platform.adapter;

/**
 * The canonical event ids a webhook has published recently, so that a request sent again (a replay
 * of a captured request, or a retry of one that succeeded) is refused instead of published twice.
 */
public interface SeenEvents {

    boolean seen(String eventId);

    /** Records an id after its event was published (so a failed publication can be retried). */
    void remember(String eventId);
}
