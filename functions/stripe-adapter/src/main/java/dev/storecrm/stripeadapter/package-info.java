/**
 * StripeAdapterFunction: Stripe events from its EventBridge event destination (checkouts, payments,
 * refunds, disputes, customers), mapped onto canonical events and published on the store bus.
 */
package dev.storecrm.stripeadapter;
