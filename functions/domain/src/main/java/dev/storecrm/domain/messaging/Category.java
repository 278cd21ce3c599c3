package dev.storecrm.domain.messaging;

/**
 * Why a message is sent. Marketing needs consent and an active membership, respects the frequency
 * cap and quiet hours, carries one-click unsubscribe and an "AD" subject prefix, and is withheld
 * while the customer has an open dispute. Transactional mail (about an order, a dispute, a
 * reminder to staff) goes at once to any address that is not suppressed.
 */
public enum Category { transactional, marketing }
