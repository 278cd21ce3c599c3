/**
 * Money: an amount in minor units of an ISO 4217 currency, never a double, with totals that refuse
 * an overflow instead of wrapping.
 */
package dev.storecrm.domain.money;
