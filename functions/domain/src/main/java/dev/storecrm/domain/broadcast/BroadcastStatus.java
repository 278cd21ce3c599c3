package dev.storecrm.domain.broadcast;

/**
 * Where a broadcast is: defined but not started ({@code DRAFT}); started, waiting for its window to open
 * somewhere ({@code SCHEDULED}); handing pages of members to the outbox ({@code SENDING}); every page handed over
 * ({@code SENT}: the sender delivers each within its member's window); stopped by a marketer ({@code CANCELLED}).
 */
public enum BroadcastStatus {
    DRAFT, SCHEDULED, SENDING, SENT, CANCELLED;

    /** Whether pages may still be handed to the outbox. */
    public boolean fansOut() {
        return this == SCHEDULED || this == SENDING;
    }
}
