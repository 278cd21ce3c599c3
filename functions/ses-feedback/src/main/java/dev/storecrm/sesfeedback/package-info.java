/**
 * SesFeedbackFunction: SES's own events applied idempotently: a send settles its business key in the
 * send ledger (closing the crash window), bounces and complaints suppress the address.
 */
package dev.storecrm.sesfeedback;
