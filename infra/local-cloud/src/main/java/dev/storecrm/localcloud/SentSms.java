package dev.storecrm.localcloud;

import java.time.Instant;
import java.util.Map;

/**
 * A text the local SMS emulator accepted ({@code SendTextMessage}), as a test or the local run reads it back:
 * the number, the body, {@code TRANSACTIONAL} or {@code PROMOTIONAL}, the origination identity, the
 * configuration set (or null), the context and when it was accepted (by the local cloud's clock).
 */
public record SentSms(String messageId, String to, String body, String messageType, String originationIdentity,
                      String configurationSet, Map<String, String> context, Instant at) {}
