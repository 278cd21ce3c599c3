/**
 * Privacy requests about customers' personal data (data requests, erasure requests): the port that keeps them
 * until the privacy work acts on them. No AWS SDK types here.
 */
package dev.storecrm.domain.privacy;
