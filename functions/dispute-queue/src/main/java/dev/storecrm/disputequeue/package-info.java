/**
 * DisputeQueueFunction, behind an IAM function URL: the agents' dispute queue (lists, a dispute with
 * its deadlines and history, the agents' actions) as JSON. Actions go through the domain's
 * {@code DisputeRecorder}, as events do.
 */
package dev.storecrm.disputequeue;
