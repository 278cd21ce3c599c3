/**
 * What a store pays AWS: the price table (a CSV resource with its date, Region and sources), the
 * quantities a simulated run used, the bill that multiplies them, and its monthly projection.
 */
package dev.storecrm.simulation.bill;
