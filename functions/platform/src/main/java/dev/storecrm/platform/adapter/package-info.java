/**
 * What the store-platform adapters (Shopify, Stripe, WooCommerce, the signed webhook) share: lenient
 * reading of a platform's payload with every needed field checked, exact money conversion, canonical
 * events built and read back through the contract's own parser before they are published, webhook
 * signatures, the customer of each order, and refused payloads kept with their reason. Adapters only
 * verify, map and publish; they keep no state beyond de-duplication and the owners of orders.
 */
package dev.storecrm.platform.adapter;
