/**
 * BroadcastsFunction (the staff's door to one-off campaigns: define, start, follow, cancel) and
 * BroadcastPagesFunction (a campaign's audience handed to the outbox a page at a time through the BroadcastQueue).
 */
package dev.storecrm.broadcasts;
