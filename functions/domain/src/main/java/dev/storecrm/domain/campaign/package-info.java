/**
 * Measuring what the marketing journeys earn: the holdout group that gets neither a journey's
 * message nor its coupon, so that what its members do anyway can be set against what the others
 * did after their mail (docs/campaigns.md).
 */
package dev.storecrm.domain.campaign;
