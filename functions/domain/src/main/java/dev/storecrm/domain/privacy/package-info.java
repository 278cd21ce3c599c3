/**
 * Privacy requests about customers' personal data (data requests, erasure requests): the port that keeps them
 * with what was done about them, a member's data read for an export, an erasure's steps, erased customers. No AWS
 * SDK types here.
 */
package dev.storecrm.domain.privacy;
