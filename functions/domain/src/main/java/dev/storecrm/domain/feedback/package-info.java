/**
 * The members' answers to the post-purchase follow-up (the order-feedback journey): whether the order met the
 * need, an optional rating and comment, one answer kept per order, listed for the staff.
 */
package dev.storecrm.domain.feedback;
