/**
 * SQS batches as every queue-triggered function processes them: one message at a time, partial batch
 * failures reported, input that can never succeed kept in the RejectsTable with its reason (never
 * dropped, never blocking the batch), every other failure left to SQS's retries and dead-letter queue.
 */
package dev.storecrm.platform.batch;
