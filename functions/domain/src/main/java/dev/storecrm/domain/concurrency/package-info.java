/**
 * Optimistic concurrency without SDK types: {@link dev.storecrm.domain.concurrency.OptimisticRetry}
 * runs a read, decide, conditional write cycle again when a store reports that another writer got
 * there first (a {@link dev.storecrm.domain.ConcurrentUpdateException}, into which the platform's
 * adapters translate DynamoDB's failed conditions).
 */
package dev.storecrm.domain.concurrency;
