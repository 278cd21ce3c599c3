package dev.storecrm.localcloud;

import dev.storecrm.domain.json.tree.ArrayNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The local stand-in for the console's Cognito user pool: a few documented users, each in one
 * group, and ID tokens signed as Cognito signs them (RS256, a key published as a JWKS, the claims
 * {@code iss}, {@code aud}, {@code exp}, {@code cognito:username}, {@code cognito:groups}). The
 * tokens are real: {@link JwtAuthorizer} checks them exactly as it checks any other token, and a
 * token of another key, issuer or audience, or an expired one, is refused. There is no bypass.
 */
public final class LocalTokenIssuer {

    /** A local console user. */
    public record User(String username, String password, String group) {}

    /** The documented local users, one per group (README: the console, locally). */
    public static final List<User> USERS = List.of(
            new User("agent", "agent-local-1", "agents"),
            new User("marketer", "marketer-local-1", "marketers"),
            new User("admin", "admin-local-1", "admins"));

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final String issuer;
    private final String audience;
    private final Duration validity;
    private final Clock clock;
    private final KeyPair keys;
    private final String keyId;

    public LocalTokenIssuer(String issuer, String audience, Duration validity, Clock clock) {
        this.issuer = issuer;
        this.audience = audience;
        this.validity = validity;
        this.clock = clock;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.keys = generator.generateKeyPair();
            this.keyId = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(keys.getPublic().getEncoded())).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the local signing key", e);
        }
    }

    /** An ID token for a user whose password matches, else empty (Cognito: NotAuthorizedException). */
    public Optional<String> signIn(String username, String password) {
        return USERS.stream().filter(u -> u.username().equalsIgnoreCase(username) && u.password().equals(password))
                .findFirst().map(u -> token(u.username(), List.of(u.group()), clock.instant()));
    }

    /** A token with these claims issued at {@code issuedAt} (tests make expired and foreign ones this way). */
    public String token(String username, List<String> groups, Instant issuedAt) {
        ObjectNode claims = JSON.createObjectNode();
        claims.put("sub", UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString());
        claims.put("iss", issuer);
        claims.put("aud", audience);
        claims.put("token_use", "id");
        claims.put("cognito:username", username);
        ArrayNode array = claims.putArray("cognito:groups");
        groups.forEach(array::add);
        claims.put("auth_time", issuedAt.getEpochSecond());
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", issuedAt.plus(validity).getEpochSecond());
        return sign(Map.of("alg", "RS256", "kid", keyId, "typ", "JWT"), claims);
    }

    /** Signs any header and claims with this issuer's key. */
    String sign(Map<String, String> header, ObjectNode claims) {
        try {
            String signingInput = B64.encodeToString(JSON.writeValueAsBytes(header)) + "."
                    + B64.encodeToString(JSON.writeValueAsBytes(claims));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a local token", e);
        }
    }

    /** The public key as a JSON Web Key Set, as Cognito publishes it at {@code <issuer>/.well-known/jwks.json}. */
    public String jwks() {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        ObjectNode jwks = JSON.createObjectNode();
        ObjectNode jwk = jwks.putArray("keys").addObject();
        jwk.put("kty", "RSA");
        jwk.put("alg", "RS256");
        jwk.put("use", "sig");
        jwk.put("kid", keyId);
        jwk.put("n", B64.encodeToString(unsigned(key.getModulus())));
        jwk.put("e", B64.encodeToString(unsigned(key.getPublicExponent())));
        return jwks.toString();
    }

    public String issuer() {
        return issuer;
    }

    public String audience() {
        return audience;
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
