/**
 * TimerSweepFunction: every minute, delivers the timers that are due (and only those) to their target
 * queues and deletes each unless it was re-armed meanwhile. It knows nothing of what a timer means.
 */
package dev.storecrm.timersweep;
