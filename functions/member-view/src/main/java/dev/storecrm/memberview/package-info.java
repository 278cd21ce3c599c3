/**
 * MemberViewFunction, behind an IAM function URL and the staff API (agents and admins): a member
 * looked up by id, e-mail or phone through the archive's indexes, and the member view as the console
 * shows it (profile, status and its history, tier and why, points and ledger, orders, RFM inputs,
 * journeys in progress, mail sent and open disputes), every list bounded and paged; and the
 * operators' actions on a member (admins), published as canonical events on the store bus.
 */
package dev.storecrm.memberview;
