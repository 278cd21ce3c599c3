package dev.storecrm.domain.event;

/**
 * A canonical store event, as published on the store's event bus. Adapters for store platforms
 * (Shopify, Stripe, WooCommerce) map their payloads onto these types.
 */
public sealed interface StoreEvent
        permits OrderEvent, MemberEvent, CartEvent, DisputeEvent {

    EventMeta meta();

    default Stamp stamp() {
        return meta().stamp();
    }
}
