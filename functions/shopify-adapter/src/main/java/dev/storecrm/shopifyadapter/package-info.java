/**
 * ShopifyAdapterFunction: Shopify webhooks from its EventBridge partner event source, mapped topic by
 * topic onto canonical events and published on the store bus. It verifies, maps and publishes; what
 * the contract cannot carry is kept with its reason.
 */
package dev.storecrm.shopifyadapter;
