/**
 * CareMailFunction: customer e-mail that SES received for the store's care address (the raw message in S3, the
 * receipt notification on the CareMailQueue) taken into conversations once each, and the chase of their answer
 * deadlines; CareDeskFunction: the staff's care routes (the queue by category and deadline, a thread, "the
 * answer will take longer").
 */
package dev.storecrm.caremail;
