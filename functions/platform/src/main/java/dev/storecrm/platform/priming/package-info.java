/**
 * SnapStart priming: before Lambda snapshots an initialised function, each SDK client it built marshals
 * and signs a request that is never sent, and its handler handles a synthetic event that touches no data,
 * so that a restored function does not pay its first request's class loading and set-up.
 */
package dev.storecrm.platform.priming;
