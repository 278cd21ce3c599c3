/**
 * BroadcastsFunction (the staff's door to one-off campaigns: define, start, follow, cancel),
 * BroadcastPagesFunction (a campaign's audience handed to the outbox a page at a time through the BroadcastQueue)
 * and FestivalCampaignsFunction (the daily run that starts the store's festival campaigns, once a festival and year).
 */
package dev.storecrm.broadcasts;
