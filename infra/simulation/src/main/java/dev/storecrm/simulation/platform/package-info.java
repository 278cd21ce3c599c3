/**
 * How the simulated store speaks to StoreCRM ({@code ./dev run --platform}): the canonical events it
 * plans go on the store bus as they are ({@link dev.storecrm.simulation.platform.CanonicalVoice}),
 * or as the payloads a real platform would send through its adapter (Shopify's partner event
 * source, Stripe's event destination, WooCommerce's signed webhooks), built from the full-size
 * samples of {@code events/<adapter>/}, with what lives outside the platform (the membership
 * programme, marketplace disputes, a cart plugin) sent by the store's own backend through the
 * signed webhook. Each voice answers the canonical events the system should have been told, which
 * the simulation's invariants judge the mail against.
 */
package dev.storecrm.simulation.platform;
