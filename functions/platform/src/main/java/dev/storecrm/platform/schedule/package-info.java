/**
 * The edge of a scheduled function (EventBridge Scheduler): one run inside structured logging, its
 * metrics flushed however it ends, its report returned as the invocation's result.
 */
package dev.storecrm.platform.schedule;
