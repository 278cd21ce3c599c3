package dev.storecrm.domain.messaging;

/** A message ready to send: subject, HTML and plain-text bodies, in the locale it was rendered in. */
public record RenderedMessage(String templateId, String locale, String subject, String html, String text) {}
