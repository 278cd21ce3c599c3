/**
 * PointsRedemptionFunction: the store checkout's points redemption behind an IAM-authenticated
 * function URL: a member's points, and reserve, confirm and release of an order's redemption.
 */
package dev.storecrm.pointsredemption;
