package dev.storecrm.platform;

import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Reads a secret from Secrets Manager once, at start-up. Secrets never live in the repository or in
 * environment variables.
 */
public final class Secrets {

    private Secrets() {}

    public static byte[] read(SecretsManagerClient secrets, String secretId) {
        String value = secrets.getSecretValue(g -> g.secretId(secretId)).secretString();
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("secret " + secretId + " is empty");
        }
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
