/**
 * PrivacyRequestsFunction: keeps every privacy request of the contract (CustomerDataRequested,
 * CustomerErasureRequested) in the PrivacyRequestsTable, once per request, until the privacy work acts on it.
 * Handler, wiring and service; the table's adapter is in the platform module.
 */
package dev.storecrm.privacyrequests;
