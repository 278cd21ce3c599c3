/**
 * DisputeFunction: DisputeOpened and DisputeUpdated events and the dispute chase's timer firings,
 * recorded through the domain's {@code DisputeRecorder}, the same path the agents' queue takes.
 */
package dev.storecrm.disputes;
