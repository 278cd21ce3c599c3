package dev.storecrm.localcloud;

import dev.storecrm.domain.time.SimulatedClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.json.tree.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The local sign-in's tokens checked as API Gateway's JWT authorizer checks Cognito's: nothing else gets in. */
class JwtAuthorizerTest {

    private static final String ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/ConsoleUserPool";
    private static final Instant NOW = Instant.parse("2027-04-04T10:00:00Z");

    private final SimulatedClock clock = new SimulatedClock(NOW);
    private final LocalTokenIssuer issuer =
            new LocalTokenIssuer(ISSUER, "ConsoleUserPoolClient", Duration.ofHours(1), clock);
    private final JwtAuthorizer authorizer = new JwtAuthorizer(ISSUER, Set.of("ConsoleUserPoolClient"), issuer.jwks());

    @Test
    void aDocumentedUserSignsInAndTheTokensClaimsReachTheFunctionAsApiGatewayPassesThem() {
        String token = issuer.signIn("agent", "agent-local-1").orElseThrow();
        JwtAuthorizer.Verdict verdict = authorizer.verify("Bearer " + token, NOW.plusSeconds(60));
        assertEquals(Optional.empty(), verdict.refusal());
        assertEquals("agent", verdict.claims().get("cognito:username"));
        assertEquals("[agents]", verdict.claims().get("cognito:groups"), "a list claim arrives flattened");
        assertEquals(ISSUER, verdict.claims().get("iss"));
        assertTrue(authorizer.verify(token, NOW).valid(), "Bearer is optional");
        assertEquals(Optional.empty(), issuer.signIn("agent", "wrong"), "a wrong password gets no token");
        assertEquals(Optional.empty(), issuer.signIn("intruder", "agent-local-1"));
    }

    @Test
    void expiredForeignTamperedAndMisaddressedTokensAreRefused() {
        String token = issuer.token("admin", List.of("admins"), NOW);
        assertEquals(Optional.of("expired"), authorizer.verify(token, NOW.plus(Duration.ofHours(1))).refusal());
        LocalTokenIssuer stranger = new LocalTokenIssuer(ISSUER, "ConsoleUserPoolClient", Duration.ofHours(1), clock);
        assertEquals(Optional.of("signed by a key the issuer does not publish"),
                authorizer.verify(stranger.token("admin", List.of("admins"), NOW), NOW).refusal());
        LocalTokenIssuer otherPool = new LocalTokenIssuer("https://cognito-idp.us-east-1.amazonaws.com/Other",
                "ConsoleUserPoolClient", Duration.ofHours(1), clock);
        assertEquals(Optional.of("issuer is not " + ISSUER), new JwtAuthorizer(ISSUER, Set.of("ConsoleUserPoolClient"),
                otherPool.jwks()).verify(otherPool.token("admin", List.of("admins"), NOW), NOW).refusal());
        LocalTokenIssuer otherClient = new LocalTokenIssuer(ISSUER, "SomeOtherApp", Duration.ofHours(1), clock);
        assertEquals(Optional.of("audience is not the console's client"), new JwtAuthorizer(ISSUER,
                Set.of("ConsoleUserPoolClient"), otherClient.jwks()).verify(otherClient.token("a", List.of(), NOW), NOW)
                .refusal());

        String[] parts = token.split("\\.");
        String promoted = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("admins", "agents").getBytes())
                + "." + parts[2];
        assertEquals(Optional.of("the signature does not match"), authorizer.verify(promoted, NOW).refusal());
        ObjectNode claims = LocalTokenIssuer.JSON.createObjectNode().put("iss", ISSUER)
                .put("aud", "ConsoleUserPoolClient")
                .put("exp", NOW.getEpochSecond() + 60);
        assertEquals(Optional.of("alg must be RS256"),
                authorizer.verify(issuer.sign(Map.of("alg", "none", "kid", "x"), claims), NOW).refusal());
        assertEquals(Optional.of("no Authorization header"), authorizer.verify(null, NOW).refusal());
        assertEquals(Optional.of("not a JWT"), authorizer.verify("Bearer abc", NOW).refusal());
    }
}
