/**
 * GreetingsFunction: every hour, greets the members whose birthday or anniversary greeting fell due
 * in their own time zone, with a gift coupon where the policy gives one; reads only the occasions due
 * in the hours since the last run.
 */
package dev.storecrm.greetings;
