/**
 * SenderFunction: the one path every message takes, from the outbox queues to SES: the rules
 * re-checked at send time, frequency cap, quiet hours, rendering, pacing and the send ledger, so that
 * at most one message goes per business key. No other function calls SES.
 */
package dev.storecrm.sender;
