package dev.storecrm.domain.campaign;

/**
 * How the sender settled a marketing message's business key, as the lift report counts it: sent, skipped at send
 * time (consent, suppression, an open dispute, the cap, the window: still assigned to get the mail, so still in
 * the treated group, intention to treat), or held out.
 */
public enum Settled {
    SENT, SKIPPED, HELD_OUT
}
