/**
 * SmsOptOutFunction: withdraws a number's SMS consent when its owner replies STOP (or 退订, R, REVOKE) or when
 * End User Messaging SMS reports the number opted out.
 */
package dev.storecrm.smsoptout;
