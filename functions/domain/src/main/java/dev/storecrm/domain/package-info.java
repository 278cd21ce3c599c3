/**
 * StoreCRM's domain: the event contract, the member archive, the journeys' rules and the ports they
 * work through, in plain Java. This package holds what every part shares: why input is refused
 * ({@link dev.storecrm.domain.RejectReason}), the exceptions that tell invalid input from a lost race,
 * and the revisioned value that optimistic concurrency saves against.
 *
 * <p>No AWS SDK or Lambda type appears anywhere under {@code dev.storecrm.domain}: the adapters are in
 * {@code dev.storecrm.platform}, which depends on the domain, never the other way round.
 */
package dev.storecrm.domain;
