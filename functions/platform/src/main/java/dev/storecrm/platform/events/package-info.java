/**
 * Publishing canonical events on the store's EventBridge bus, as any producer does; the template's
 * rules route them to their consumers.
 */
package dev.storecrm.platform.events;
