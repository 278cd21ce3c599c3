/**
 * RfmFunction: evaluates a member's RFM scores, segment and audiences when the member archive changes the
 * member or the member's RFM timer falls due, and keeps the histogram, memberships and daily counts.
 */
package dev.storecrm.rfm;
