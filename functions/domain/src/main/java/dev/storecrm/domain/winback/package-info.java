/**
 * The win-back sequence (休眠会员唤醒) as data: steps at days of silence since the last paid order,
 * their rising incentives and the dormant status; the one timer each member with a paid order has;
 * and the journal of steps entered that the staff's lists read.
 */
package dev.storecrm.domain.winback;
