/**
 * The canonical event contract, versions 1 and 2 ({@code events/schemas/}): the event types as sealed
 * records (the store's activity, {@link dev.storecrm.domain.event.StoreEvent}, apart from customers'
 * privacy requests, {@link dev.storecrm.domain.event.PrivacyEvent}), the envelope and the
 * {@link dev.storecrm.domain.event.Stamp} that orders facts, the contract's time windows, and the parser
 * (one reader per family of bodies) that refuses anything outside the contract with the field and the
 * rule it breaks. {@code EventContractTest} holds the parser and the JSON Schemas equal.
 */
package dev.storecrm.domain.event;
