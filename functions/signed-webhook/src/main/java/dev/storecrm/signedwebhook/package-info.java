/**
 * SignedWebhookFunction, behind a function URL: canonical events signed with HMAC-SHA256 by a store's
 * backend or a bridge from another platform, checked (signature, timestamp, replay) and published on
 * the store bus.
 */
package dev.storecrm.signedwebhook;
