package dev.storecrm.simulation.platform;

/** A line of an order or a cart, its unit price in minor units of the store's currency. */
public record Line(String sku, String name, long quantity, long unitMinor) {}
