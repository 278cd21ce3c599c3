/**
 * Referral rewards (推荐奖励): a member named as the referrer of another is rewarded once the referee's
 * first paid order is past the refund window, by a timer per referral, so the cost follows the
 * referrals; self-referrals and referral loops are refused with the reason kept; a refund or
 * cancellation of that first order reverses the reward. Plain Java, no AWS SDK types: the referral
 * records, the members, the timer and the points are ports.
 */
package dev.storecrm.domain.referral;
