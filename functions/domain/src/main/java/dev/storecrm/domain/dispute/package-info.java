/**
 * Disputes (售后纠纷): the record merged fact by fact by stamp, the lifecycle that only moves forward,
 * each channel's deadlines as a rule pack ({@code dispute-rules/<channel>.json}), the chase planned
 * from them and its messages, the agents' actions, and the ports for records, history and the queue.
 * {@link dev.storecrm.domain.dispute.DisputeRecorder} is the one path that events and agents' actions
 * both take.
 */
package dev.storecrm.domain.dispute;
