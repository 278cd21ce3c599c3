/**
 * DynamoDB adapters of the domain's ports, each documenting its table's keys and mapping item and
 * record explicitly: conditional writes guard every invariant (revisions, business keys, claims), TTL
 * keeps retention, and every read is by key or index, never a scan. Table names come from the
 * functions' settings (template.yaml).
 */
package dev.storecrm.platform.dynamodb;
