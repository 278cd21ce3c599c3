/**
 * {@code ./dev bench <name>}: the real handlers against the local cloud at volume, measuring
 * throughput and DynamoDB capacity per unit of work. Not deployed.
 */
package dev.storecrm.benchmarks;
