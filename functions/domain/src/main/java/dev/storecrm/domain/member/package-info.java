/**
 * The member archive (客户档案): the member record (profile, membership timeline, purchases in
 * numbers, points and tier), the store's membership rules as data, and the ledger that applies
 * events to a record by the difference each makes. The record stays bounded whatever the history:
 * the facts of each order live behind the {@link dev.storecrm.domain.member.OrderBook} port.
 */
package dev.storecrm.domain.member;
