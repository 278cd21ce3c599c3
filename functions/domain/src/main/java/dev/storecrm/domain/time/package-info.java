/**
 * Dates that come back every year, with or without the year they started, and the rule that places
 * 29 February in a common year.
 */
package dev.storecrm.domain.time;
