package dev.storecrm.localcloud;

import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an API Gateway HTTP API's JWT authorizer does before it invokes a route's function: it
 * takes the token from the {@code Authorization} header ({@code Bearer} optional), and accepts it
 * only if it is an RS256 JWT signed by a key of the issuer's JWKS (by {@code kid}), its {@code iss}
 * is the configured issuer, its {@code aud} (or {@code client_id}) one of the configured audiences,
 * and it is neither expired nor not yet valid. The claims then reach the function in
 * {@code requestContext.authorizer.jwt.claims}, every value as a string and a list flattened to
 * {@code [a b]}, as API Gateway passes them.
 */
public final class JwtAuthorizer {

    /** The claims of a valid token, or why it was refused. */
    public record Verdict(Optional<String> refusal, Map<String, String> claims) {
        public boolean valid() {
            return refusal.isEmpty();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Decoder B64 = Base64.getUrlDecoder();

    private final String issuer;
    private final Set<String> audiences;
    private final Map<String, PublicKey> keys = new HashMap<>();

    /** An authorizer for one issuer and its audiences, trusting the keys of the issuer's JWKS document. */
    public JwtAuthorizer(String issuer, Set<String> audiences, String jwks) {
        this.issuer = issuer;
        this.audiences = Set.copyOf(audiences);
        try {
            for (JsonNode jwk : JSON.readTree(jwks).path("keys")) {
                if (jwk.path("kty").asText().equals("RSA")) {
                    RSAPublicKeySpec spec = new RSAPublicKeySpec(new BigInteger(1, B64.decode(jwk.path("n").asText())),
                            new BigInteger(1, B64.decode(jwk.path("e").asText())));
                    keys.put(jwk.path("kid").asText(), KeyFactory.getInstance("RSA").generatePublic(spec));
                }
            }
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalArgumentException("not a JSON Web Key Set of RSA keys", e);
        }
    }

    public Verdict verify(String authorization, Instant now) {
        if (authorization == null || authorization.isBlank()) {
            return refuse("no Authorization header");
        }
        String token = authorization.strip().replaceFirst("(?i)^Bearer\\s+", "");
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return refuse("not a JWT");
        }
        JsonNode header;
        JsonNode claims;
        try {
            header = JSON.readTree(B64.decode(parts[0]));
            claims = JSON.readTree(B64.decode(parts[1]));
        } catch (IllegalArgumentException | java.io.IOException e) {
            return refuse("not a JWT");
        }
        if (!header.path("alg").asText().equals("RS256")) {
            return refuse("alg must be RS256");
        }
        PublicKey key = keys.get(header.path("kid").asText());
        if (key == null) {
            return refuse("signed by a key the issuer does not publish");
        }
        if (!signatureValid(key, parts)) {
            return refuse("the signature does not match");
        }
        if (!claims.path("iss").asText().equals(issuer)) {
            return refuse("issuer is not " + issuer);
        }
        if (!audiences.contains(claims.path("aud").asText())
                && !audiences.contains(claims.path("client_id").asText())) {
            return refuse("audience is not the console's client");
        }
        if (!claims.path("exp").canConvertToLong() || claims.path("exp").asLong() <= now.getEpochSecond()) {
            return refuse("expired");
        }
        if (claims.has("nbf") && claims.path("nbf").asLong() > now.getEpochSecond()) {
            return refuse("not yet valid");
        }
        return new Verdict(Optional.empty(), flatten(claims));
    }

    private static boolean signatureValid(PublicKey key, String[] parts) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return rsa.verify(B64.decode(parts[2]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Claims as API Gateway hands them to the function: strings, lists as {@code [a b]}. */
    private static Map<String, String> flatten(JsonNode claims) {
        Map<String, String> flat = new LinkedHashMap<>();
        claims.fields().forEachRemaining(e -> {
            if (e.getValue().isArray()) {
                List<String> values = new ArrayList<>();
                e.getValue().forEach(v -> values.add(v.asText()));
                flat.put(e.getKey(), "[" + String.join(" ", values) + "]");
            } else {
                flat.put(e.getKey(), e.getValue().asText());
            }
        });
        return flat;
    }

    private static Verdict refuse(String why) {
        return new Verdict(Optional.of(why), Map.of());
    }
}
