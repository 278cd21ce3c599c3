/**
 * RFM scores and segments (客户价值 RFM 模型): R, F and M scored 1 to 5 on the store's own distribution
 * (quantile boundaries read from a bounded histogram the RFM function keeps up to date), named segments
 * and the marketplace audiences as rules given as data ({@link dev.storecrm.domain.rfm.SegmentRules}),
 * and what one re-evaluation of a member changes ({@link dev.storecrm.domain.rfm.RfmChange}). No SDK types.
 */
package dev.storecrm.domain.rfm;
