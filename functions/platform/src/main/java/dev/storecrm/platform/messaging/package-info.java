/**
 * What the sender needs besides its ports: the mail templates bundled on the classpath, and the pacer
 * that keeps this instance's sends under its share of the SES send rate.
 */
package dev.storecrm.platform.messaging;
