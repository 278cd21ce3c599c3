/**
 * LoyaltyFunction: keeps the points ledger from the LoyaltyQueue: the orders the member archive
 * writes (their points as the archive priced them) and the members' points timers (expiry and the
 * "expiring soon" mail).
 */
package dev.storecrm.loyalty;
