/**
 * The history import, {@code ./dev import}: a store's past (a JSONL file of canonical events,
 * Shopify's customer and order CSV exports, a WooCommerce store's REST API) mapped by the platform
 * adapters' own mappings and published on the store's event bus at a paced rate, with progress, a
 * checkpoint to resume from, and the records it could not map kept in a file with their reasons.
 * Into the local cloud, or into a deployed stack with the caller's AWS credentials.
 */
package dev.storecrm.importer;
