package dev.storecrm.domain.event;

/**
 * A canonical event of the store's activity (orders, carts, members, disputes), as published on the store's event
 * bus. Adapters for store platforms (Shopify, Stripe, WooCommerce) map their payloads onto these types.
 */
public sealed interface StoreEvent extends ContractEvent
        permits OrderEvent, MemberEvent, CartEvent, DisputeEvent {
}
