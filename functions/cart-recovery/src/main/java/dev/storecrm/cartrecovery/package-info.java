/**
 * CartRecoveryFunction: keeps carts from cart and order events, runs each abandoned cart's sequence
 * (reminder, then coupon) from its timer, ends it when the cart converts, and keeps the daily
 * attribution report. The cart's rules are in {@code dev.storecrm.domain.cart}.
 */
package dev.storecrm.cartrecovery;
