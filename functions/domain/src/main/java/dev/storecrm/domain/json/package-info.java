/**
 * Reading one JSON object field by field, with the path of every field at hand, so that each refusal
 * names exactly what is wrong without quoting a value (values may be personal). Used by the event
 * parser and the outbox format alike.
 */
package dev.storecrm.domain.json;
