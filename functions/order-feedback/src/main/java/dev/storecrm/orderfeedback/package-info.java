/**
 * OrderFeedbackFunction: the post-purchase follow-up journey ({@code order-feedback}). A paid order arms a
 * timer; when it fires, days later, the member is asked whether the order met the need, unless the order was
 * cancelled, refunded or disputed meanwhile.
 */
package dev.storecrm.orderfeedback;
