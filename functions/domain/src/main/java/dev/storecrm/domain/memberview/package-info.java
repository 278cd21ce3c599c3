/**
 * The member view's reads: how a member is found by an e-mail address or a phone number (the
 * normalised forms the archive indexes), and the port through which the view reads what the other
 * aggregates hold of one member (orders, points, journeys, mail, disputes), each bounded and paged.
 */
package dev.storecrm.domain.memberview;
