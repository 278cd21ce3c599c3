/**
 * Mail through SES v2 {@code SendEmail}, with the stack's configuration set so that SES reports
 * sends, deliveries, bounces and complaints back to the stack.
 */
package dev.storecrm.platform.ses;
