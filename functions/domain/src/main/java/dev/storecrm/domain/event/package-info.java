/**
 * The canonical event contract, version 1 ({@code events/schemas/}): the event types as sealed
 * records, the envelope and the {@link dev.storecrm.domain.event.Stamp} that orders facts, the
 * contract's time windows, and the parser that refuses anything outside the contract with the field
 * and the rule it breaks. {@code EventContractTest} holds the parser and the JSON Schemas equal.
 */
package dev.storecrm.domain.event;
