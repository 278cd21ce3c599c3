package dev.storecrm.domain.messaging;

/** An SMS text rendered from its template, in the locale chosen for the recipient. */
public record RenderedSms(String templateId, String locale, String text) {}
