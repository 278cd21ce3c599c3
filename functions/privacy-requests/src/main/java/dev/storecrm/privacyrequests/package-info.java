/**
 * PrivacyRequestsFunction: keeps every privacy request of the contract (CustomerDataRequested,
 * CustomerErasureRequested) in the PrivacyRequestsTable, once per request, and answers it: an export, an erasure
 * (docs/privacy.md). PrivacyDeskFunction serves the exports to the admins on the staff API.
 * Handler, wiring and service; the table's adapter is in the platform module.
 */
package dev.storecrm.privacyrequests;
