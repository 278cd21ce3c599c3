/**
 * Customer e-mail care: an inbound mail as the intake reads it, the rules that refuse auto-replies and
 * mail loops, the classification rules (data, zh-CN and en), the store's working hours, the
 * conversation and its answer deadline, the acknowledgement and the chase of that deadline.
 * No AWS types: the care-mail function's adapters map S3, SES and DynamoDB onto these.
 */
package dev.storecrm.domain.caremail;
