package dev.storecrm.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The settings that choose how this JVM's clients reach each emulator ({@code in-process} or
 * {@code http}) refuse anything else by name, before an emulator starts.
 */
class EmulatorTransportSettingTest {

    @Test
    void anUnknownDynamoDbTransportIsRefusedByName() {
        assertRefused(EmulatorBackend.DYNAMODB_TRANSPORT, "storecrm.dynamodb must be in-process or http, not socket");
    }

    @Test
    void anUnknownSqsTransportIsRefusedByName() {
        assertRefused(EmulatorBackend.SQS_TRANSPORT, "storecrm.sqs must be in-process or http, not socket");
    }

    private static void assertRefused(String setting, String message) {
        String before = System.getProperty(setting);
        System.setProperty(setting, "socket");
        try {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, EmulatorBackend::new);
            assertEquals(message, refused.getMessage());
        } finally {
            if (before == null) {
                System.clearProperty(setting);
            } else {
                System.setProperty(setting, before);
            }
        }
    }
}
