package dev.storecrm.unsubscribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.event.EventParser;
import dev.storecrm.domain.event.MemberEvent.MemberUpdated;
import dev.storecrm.domain.messaging.Category;
import dev.storecrm.domain.messaging.SuppressionList;
import dev.storecrm.domain.messaging.SuppressionList.Suppression;
import dev.storecrm.domain.messaging.LinkTokens;
import dev.storecrm.domain.messaging.LinkTokens.Subject;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.memory.InMemorySuppressions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One-click unsubscribe with in-memory suppressions: who stops getting what, and which links are refused. */
class UnsubscribeServiceTest {

    private static final Instant MAILED = Instant.parse("2026-11-23T01:00:00Z");

    private final SimulatedClock clock = new SimulatedClock(MAILED);
    private final LinkTokens tokens = new LinkTokens(
            "storecrm-test-unsubscribe-key-32bytes".getBytes(StandardCharsets.UTF_8), Duration.ofDays(180), clock);
    private final InMemorySuppressions suppressions = new InMemorySuppressions();
    private final List<String> published = new ArrayList<>();
    private final UnsubscribeService service = new UnsubscribeService(tokens, suppressions,
            (customerId, at) -> published.add(UnsubscribeWiring.consentWithdrawn(customerId, at)), clock);

    @Test
    void aMembersLinkStopsTheirMarketingAtOnceAndTellsTheArchiveConsentWasWithdrawn() {
        String token = tokens.issue(Subject.member("c-1"));
        clock.set(MAILED.plus(Duration.ofDays(3)));

        assertInstanceOf(UnsubscribeService.Result.Unsubscribed.class, service.unsubscribe(token));

        Suppression suppression = suppressions.find("c-1@example.com", Optional.of("c-1")).orElseThrow();
        assertEquals(SuppressionList.Reason.UNSUBSCRIBED, suppression.reason());
        assertTrue(suppression.blocks(Category.marketing));
        assertFalse(suppression.blocks(Category.transactional), "order and dispute mail still goes");
        MemberUpdated withdrawal = (MemberUpdated) EventParser.parse(published.getFirst(), clock);
        assertEquals("c-1", withdrawal.customerId());
        assertEquals(false, withdrawal.profile().values().marketingConsent().granted());
        assertEquals(clock.instant(), withdrawal.profile().values().marketingConsent().at());
    }

    @Test
    void anAddressLinkStopsMarketingToThatAddressWithoutAMemberToTell() {
        String token = tokens.issue(Subject.address("Guest.3003@Example.com"));

        assertInstanceOf(UnsubscribeService.Result.Unsubscribed.class, service.unsubscribe(token));

        assertTrue(suppressions.ofAddress("guest.3003@example.com").isPresent(), "the address in any case");
        assertEquals(List.of(), published);
    }

    @Test
    void aForgedOrAlteredLinkIsRefusedAndChangesNothing() {
        String token = tokens.issue(Subject.member("c-1"));
        String otherMember = tokens.issue(Subject.member("c-2"));
        String forged = otherMember.substring(0, otherMember.indexOf('.')) + token.substring(token.indexOf('.'));

        UnsubscribeService.Result result = service.unsubscribe(forged);

        assertEquals(new UnsubscribeService.Result.Refused("signature does not match"), result);
        assertTrue(suppressions.isEmpty());
        assertEquals(List.of(), published);
    }

    @Test
    void anOrderFollowUpLinkSignedWithTheSameKeyUnsubscribesNobody() {
        String followUp = tokens.issue(Subject.orderFeedback("c-1", "o-1"));
        assertEquals(new UnsubscribeService.Result.Refused("token is for another purpose"),
                service.unsubscribe(followUp));
        assertTrue(suppressions.isEmpty());
        assertEquals(List.of(), published);
    }

    @Test
    void aLinkOlderThanItsValidityIsRefusedAsExpired() {
        String token = tokens.issue(Subject.member("c-1"));
        clock.set(MAILED.plus(Duration.ofDays(180)));
        assertEquals(new UnsubscribeService.Result.Refused("token expired"), service.unsubscribe(token));
        assertTrue(suppressions.isEmpty());
    }

    @Test
    void openingTheLinkOnlyChecksItLinkScannersUnsubscribeNobody() {
        String token = tokens.issue(Subject.member("c-1"));
        assertInstanceOf(LinkTokens.Verification.Valid.class, service.check(token));
        assertTrue(suppressions.isEmpty());
        assertEquals(List.of(), published);
    }

    @Test
    void pressingTheButtonAgainKeepsTheMemberUnsubscribed() {
        String token = tokens.issue(Subject.member("c-1"));
        service.unsubscribe(token);
        clock.set(MAILED.plusSeconds(5));
        assertInstanceOf(UnsubscribeService.Result.Unsubscribed.class, service.unsubscribe(token));
        assertEquals(SuppressionList.Reason.UNSUBSCRIBED, suppressions.ofMember("c-1").orElseThrow().reason());
        published.forEach(event -> assertEquals(false, ((MemberUpdated) EventParser.parse(event, clock)).profile()
                .values().marketingConsent().granted()));
    }
}
