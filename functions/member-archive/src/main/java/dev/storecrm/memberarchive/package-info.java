/**
 * MemberArchiveFunction: keeps the member archive from member and order events (MemberArchiveQueue),
 * redeems the coupons an order carries, and files what follows a change of the archive (the member's
 * occasions, the win-back timer). The archive's rules themselves are in
 * {@code dev.storecrm.domain.member}.
 */
package dev.storecrm.memberarchive;
