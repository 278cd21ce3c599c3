/**
 * The outbox on SQS: message requests go to the sender's priority queue or its bulk queue.
 */
package dev.storecrm.platform.sqs;
