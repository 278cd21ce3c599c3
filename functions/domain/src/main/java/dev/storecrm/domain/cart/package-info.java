/**
 * Cart recovery's model: the cart kept from cart and order events (last writer wins by stamp, so the
 * order of arrival does not matter), the sequence of steps and the coupon values as policy data, the
 * timer body of a due step, the daily attribution figures, and the ports for carts and the report.
 */
package dev.storecrm.domain.cart;
