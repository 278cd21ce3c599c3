/**
 * WooCommerceAdapterFunction, behind a function URL checked by the webhook's signature: WooCommerce
 * orders and customers mapped onto canonical events and published on the store bus.
 */
package dev.storecrm.woocommerceadapter;
