/**
 * The reputation guard: bounce and complaint rates over a rolling window of sends, the automatic pause of
 * marketing e-mail before the SES review thresholds, and the operator's explicit resume.
 */
package dev.storecrm.domain.reputation;
