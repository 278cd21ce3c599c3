package dev.storecrm.domain.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storecrm.domain.event.Stamp;
import dev.storecrm.domain.member.ContactPreference;
import dev.storecrm.domain.member.MembershipStatus;
import dev.storecrm.domain.messaging.SendRules.Facts;
import dev.storecrm.domain.messaging.SendRules.SkipReason;
import dev.storecrm.domain.messaging.SendRules.Verdict;
import dev.storecrm.domain.messaging.SuppressionList.Reason;
import dev.storecrm.domain.messaging.SuppressionList.Scope;
import dev.storecrm.domain.messaging.SuppressionList.Suppression;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SendRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T04:00:00Z");
    private static final MessageRequest MARKETING =
            MessageRequest.marketing("NEWS#c-1#1", "news", "c-1", "store-news", Map.of(), NOW);
    private static final MessageRequest TRANSACTIONAL = MessageRequest.transactional("ORDER#o-1#follow-up", "order",
            new Recipient.Member("c-1"), "order-follow-up", Map.of(), NOW);

    private static Facts member(MembershipStatus status, Optional<Instant> consentAt, Optional<Suppression> suppression,
                                boolean openDispute, Optional<Instant> lastPayment) {
        return new Facts(Optional.of("a@example.com"), Optional.of("A"), Optional.of("en"), Optional.empty(),
                Optional.of(status), consentAt, suppression, openDispute, lastPayment);
    }

    private static Facts active() {
        return member(MembershipStatus.ACTIVE, Optional.of(NOW.minusSeconds(86_400)), Optional.empty(), false,
                Optional.empty());
    }

    private static Object verdict(MessageRequest request, Facts facts) {
        Verdict verdict = SendRules.check(request, Optional.of(facts), NOW);
        return verdict instanceof Verdict.Skip skip ? skip.reason() : "GO";
    }

    @Test
    void anAddressStoredInAnotherFormThanOnePlainAddressIsNeverMailed() {
        for (String stored : List.of("Ann <a@example.com>", "a,b@example.com", "a@example.com\r\nBcc: b@example.com")) {
            Facts facts = new Facts(Optional.of(stored), Optional.of("A"), Optional.of("en"), Optional.empty(),
                    Optional.of(MembershipStatus.ACTIVE), Optional.of(NOW.minusSeconds(60)), Optional.empty(), false,
                    Optional.empty());
            assertEquals(SkipReason.INVALID_ADDRESS, verdict(TRANSACTIONAL, facts), stored);
        }
    }

    @Test
    void anActiveConsentingMemberGetsMarketing() {
        assertEquals("GO", verdict(MARKETING, active()));
    }

    @Test
    void marketingNeedsAnActiveMembershipConsentAndNoOpenDispute() {
        Optional<Instant> consent = Optional.of(NOW.minusSeconds(60));
        assertEquals(SkipReason.NOT_AN_ACTIVE_MEMBER,
                verdict(MARKETING, member(MembershipStatus.FROZEN, consent, Optional.empty(), false,
                        Optional.empty())));
        assertEquals(SkipReason.NOT_AN_ACTIVE_MEMBER,
                verdict(MARKETING, member(MembershipStatus.CANCELLED, consent, Optional.empty(), false,
                        Optional.empty())));
        assertEquals(SkipReason.NO_MARKETING_CONSENT,
                verdict(MARKETING, member(MembershipStatus.ACTIVE, Optional.empty(), Optional.empty(), false,
                        Optional.empty())));
        assertEquals(SkipReason.OPEN_DISPUTE,
                verdict(MARKETING, member(MembershipStatus.ACTIVE, consent, Optional.empty(), true, Optional.empty())));
    }

    @Test
    void transactionalMailGoesWhateverTheMembershipConsentOrDispute() {
        assertEquals("GO", verdict(TRANSACTIONAL,
                member(MembershipStatus.FROZEN, Optional.empty(), Optional.empty(), true, Optional.empty())));
    }

    @Test
    void marketingGoesByEmailOnlyToMembersWhoPreferEmailOrSaidNothingAndServiceMailGoesWhateverThePreference() {
        Map<Optional<ContactPreference>, Object> expected = new LinkedHashMap<>();
        expected.put(Optional.empty(), "GO");
        expected.put(Optional.of(ContactPreference.email), "GO");
        expected.put(Optional.of(ContactPreference.sms), SkipReason.NO_PHONE_NUMBER);
        expected.put(Optional.of(ContactPreference.phone), SkipReason.PREFERS_ANOTHER_CHANNEL);
        expected.put(Optional.of(ContactPreference.post), SkipReason.PREFERS_ANOTHER_CHANNEL);
        expected.put(Optional.of(ContactPreference.none), SkipReason.PREFERS_NO_CONTACT);
        expected.forEach((preference, verdict) -> {
            Facts facts = withPreference(active(), preference);
            assertEquals(verdict, verdict(MARKETING, facts), "marketing, preference " + preference);
            assertEquals("GO", verdict(TRANSACTIONAL, facts), "transactional, preference " + preference);
        });
        Facts smsWithoutConsent = withPreference(member(MembershipStatus.ACTIVE, Optional.empty(), Optional.empty(),
                false, Optional.empty()), Optional.of(ContactPreference.sms));
        assertEquals(SkipReason.NO_PHONE_NUMBER, verdict(MARKETING, smsWithoutConsent));
        Facts emailWithoutConsent = withPreference(member(MembershipStatus.ACTIVE, Optional.empty(), Optional.empty(),
                false, Optional.empty()), Optional.of(ContactPreference.email));
        assertEquals(SkipReason.NO_MARKETING_CONSENT, verdict(MARKETING, emailWithoutConsent),
                "preferring e-mail is not consent to marketing by e-mail");
    }

    @Test
    void marketingToAnSmsMemberGoesByTextToAValidNumberWithConsentAndServiceMailStaysOnEmail() {
        Facts sms = withPhone(withPreference(active(), Optional.of(ContactPreference.sms)), "+8613800138000");
        assertEquals(new Verdict.Text("+8613800138000"), SendRules.check(MARKETING, Optional.of(sms), NOW));
        assertEquals(new Verdict.Go("a@example.com"), SendRules.check(TRANSACTIONAL, Optional.of(sms), NOW));
        for (String invalid : List.of("13800138000", "+86 138 0013 8000", "+0123456789", "+12345", "+1234567890123456",
                "+86-13800138000")) {
            assertEquals(SkipReason.INVALID_PHONE_NUMBER, verdict(MARKETING, withPhone(sms, invalid)), invalid);
        }
        Facts noConsent = withPhone(withPreference(member(MembershipStatus.ACTIVE, Optional.empty(), Optional.empty(),
                false, Optional.empty()), Optional.of(ContactPreference.sms)), "+8613800138000");
        assertEquals(SkipReason.NO_MARKETING_CONSENT, verdict(MARKETING, noConsent));
        Suppression stop = new Suppression(Reason.UNSUBSCRIBED, Scope.MARKETING, NOW.minusSeconds(10));
        Facts stopped = new Facts(sms.email(), sms.name(), sms.locale(), sms.timeZone(), sms.status(),
                sms.consentAt(), Optional.of(stop), false, Optional.empty(), sms.contactPreference(), sms.phone(),
                Optional.empty());
        assertEquals(SkipReason.UNSUBSCRIBED, verdict(MARKETING, stopped), "a STOP reply suppresses the number");
    }

    private static Facts withPhone(Facts facts, String phone) {
        return new Facts(facts.email(), facts.name(), facts.locale(), facts.timeZone(), facts.status(),
                facts.consentAt(), facts.suppression(), facts.openDispute(), facts.lastPaymentAt(),
                facts.contactPreference(), Optional.of(phone), Optional.empty());
    }

    private static Facts withPreference(Facts facts, Optional<ContactPreference> preference) {
        return new Facts(facts.email(), facts.name(), facts.locale(), facts.timeZone(), facts.status(),
                facts.consentAt(), facts.suppression(), facts.openDispute(), facts.lastPaymentAt(), preference);
    }

    @Test
    void suppressionBlocksByScope() {
        Suppression hardBounce = new Suppression(Reason.HARD_BOUNCE, Scope.ALL, NOW.minusSeconds(10));
        Suppression unsubscribed = new Suppression(Reason.UNSUBSCRIBED, Scope.MARKETING, NOW.minusSeconds(10));
        Optional<Instant> consentBefore = Optional.of(NOW.minusSeconds(3_600));
        assertEquals(SkipReason.SUPPRESSED, verdict(TRANSACTIONAL,
                member(MembershipStatus.ACTIVE, consentBefore, Optional.of(hardBounce), false, Optional.empty())));
        assertEquals(SkipReason.UNSUBSCRIBED, verdict(MARKETING,
                member(MembershipStatus.ACTIVE, consentBefore, Optional.of(unsubscribed), false, Optional.empty())));
        assertEquals("GO", verdict(TRANSACTIONAL,
                member(MembershipStatus.ACTIVE, consentBefore, Optional.of(unsubscribed), false, Optional.empty())),
                "an unsubscribe stops marketing only");
    }

    @Test
    void consentGivenAgainAfterAnUnsubscribeLiftsIt() {
        Suppression unsubscribed = new Suppression(Reason.UNSUBSCRIBED, Scope.MARKETING, NOW.minusSeconds(3_600));
        assertEquals("GO", verdict(MARKETING, member(MembershipStatus.ACTIVE, Optional.of(NOW.minusSeconds(60)),
                Optional.of(unsubscribed), false, Optional.empty())));
    }

    @Test
    void theJourneyEndsWhenTheMemberOrdered() {
        MessageRequest winBack = MARKETING.exitWhen(new ExitCondition.NoOrderSince(NOW.minusSeconds(86_400)));
        Facts ordered = member(MembershipStatus.ACTIVE, Optional.of(NOW.minusSeconds(999_999)), Optional.empty(), false,
                Optional.of(NOW.minusSeconds(3_600)));
        Facts orderedBefore = member(MembershipStatus.ACTIVE, Optional.of(NOW.minusSeconds(999_999)), Optional.empty(),
                false, Optional.of(NOW.minusSeconds(200_000)));
        assertEquals(SkipReason.JOURNEY_EXITED, verdict(winBack, ordered));
        assertEquals("GO", verdict(winBack, orderedBefore));
    }

    @Test
    void aCartMessageGoesOnlyWhileItsCartIsOpenAndUnchangedAndTheMemberHasNotPaidSince() {
        Stamp armedFor = new Stamp(NOW.minusSeconds(3_600), "evt-cart-1");
        MessageRequest reminder = MessageRequest.marketing("CART#cart-1#reminder", "cart", "c-1", "cart-reminder",
                Map.of(), NOW).exitWhen(new ExitCondition.AnyOf(List.of(new ExitCondition.NoOrderSince(armedFor.at()),
                new ExitCondition.CartClosedOrChanged("cart-1", armedFor))));
        List<String> looked = new ArrayList<>();
        CartCheck open = carts(false, Optional.empty(), looked);
        CartCheck closed = carts(true, Optional.empty(), new ArrayList<>());
        assertEquals("GO", verdictWithCarts(reminder, active(), open));
        assertEquals(List.of("cart-1 evt-cart-1"), looked, "the cart is looked at with the activity it was armed for");
        assertEquals(SkipReason.JOURNEY_EXITED, verdictWithCarts(reminder, active(), closed));
        Facts paidSince = member(MembershipStatus.ACTIVE, Optional.of(NOW.minusSeconds(86_400)),
                Optional.empty(), false,
                Optional.of(NOW.minusSeconds(60)));
        assertEquals(SkipReason.JOURNEY_EXITED, verdictWithCarts(reminder, paidSince, open));
        assertEquals(SkipReason.JOURNEY_EXITED, verdict(reminder, active()),
                "a sender without carts to look at never sends a cart message");
    }

    /** Carts as the sender would see them: open or closed, and the consent a guest cart's newest update carries. */
    private static CartCheck carts(boolean closed, Optional<Instant> guestConsent, List<String> looked) {
        return new CartCheck() {
            @Override
            public boolean closedOrChangedSince(String cartId, Stamp armedFor) {
                looked.add(cartId + " " + armedFor.eventId());
                return closed;
            }

            @Override
            public Optional<Instant> guestConsentAt(String cartId, String email) {
                return guestConsent;
            }
        };
    }

    private static Object verdictWithCarts(MessageRequest request, Facts facts, CartCheck carts) {
        Verdict verdict = SendRules.check(request, Optional.of(facts), carts, NOW);
        return verdict instanceof Verdict.Skip skip ? skip.reason() : "GO";
    }

    @Test
    void expiredUnknownAndAddressOnlyCases() {
        assertEquals(SkipReason.EXPIRED, verdict(MARKETING.notAfter(NOW.minusSeconds(1)), active()));
        assertEquals(new Verdict.Skip(SkipReason.UNKNOWN_MEMBER), SendRules.check(MARKETING, Optional.empty(), NOW));
        MessageRequest toAddress = MARKETING.toRecipient(new Recipient.Address("guest@example.com", Optional.empty(),
                Optional.empty(), Optional.empty()));
        Facts guest = new Facts(Optional.of("guest@example.com"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty());
        assertEquals(SkipReason.MARKETING_TO_NON_MEMBER, verdict(toAddress, guest));
    }

    private static final Stamp GUEST_CART = new Stamp(NOW.minusSeconds(3_600), "evt-cart-g");
    private static final MessageRequest GUEST_REMINDER = MessageRequest.marketing("CART#cart-g#reminder", "cart",
            new Recipient.Guest("guest@example.com", "cart-g", NOW.minusSeconds(7_200), Optional.of("en"),
                    Optional.empty()), "cart-reminder", Map.of(), NOW)
            .exitWhen(new ExitCondition.CartClosedOrChanged("cart-g", GUEST_CART));

    /** What the sender knows of a guest now: the address, and the consent the cart's newest update carries. */
    private static Facts guest(Optional<Instant> consentNow, Optional<Suppression> suppression) {
        return new Facts(Optional.of("guest@example.com"), Optional.empty(), Optional.of("en"), Optional.empty(),
                Optional.empty(), consentNow, suppression, false, Optional.empty());
    }

    @Test
    void aGuestWhoseCartStillCarriesTheConsentGetsTheCartMessage() {
        Optional<Instant> consent = Optional.of(NOW.minusSeconds(7_200));
        assertEquals("GO", verdictWithCarts(GUEST_REMINDER, guest(consent, Optional.empty()),
                carts(false, consent, new ArrayList<>())));
    }

    @Test
    void aGuestWithoutConsentAtSendTimeGetsNothing() {
        assertEquals(SkipReason.NO_MARKETING_CONSENT, verdictWithCarts(GUEST_REMINDER,
                guest(Optional.empty(), Optional.empty()), carts(false, Optional.empty(), new ArrayList<>())));
    }

    @Test
    void anUnsubscribeOrABounceOfTheGuestAddressStopsTheGuestsMail() {
        Optional<Instant> consent = Optional.of(NOW.minusSeconds(7_200));
        Suppression unsubscribed = new Suppression(Reason.UNSUBSCRIBED, Scope.MARKETING, NOW.minusSeconds(60));
        Suppression complaint = new Suppression(Reason.COMPLAINT, Scope.ALL, NOW.minusSeconds(60));
        CartCheck open = carts(false, consent, new ArrayList<>());
        assertEquals(SkipReason.UNSUBSCRIBED,
                verdictWithCarts(GUEST_REMINDER, guest(consent, Optional.of(unsubscribed)),
                open));
        assertEquals(SkipReason.SUPPRESSED, verdictWithCarts(GUEST_REMINDER, guest(consent, Optional.of(complaint)),
                open));
    }

    @Test
    void aGuestCartClosedOrChangedSinceEndsTheGuestsMail() {
        Optional<Instant> consent = Optional.of(NOW.minusSeconds(7_200));
        assertEquals(SkipReason.JOURNEY_EXITED, verdictWithCarts(GUEST_REMINDER, guest(consent, Optional.empty()),
                carts(true, consent, new ArrayList<>())));
    }

    @Test
    void aCustomerWhoIsNotAMemberGetsTransactionalMailAtTheContactButNoMarketing() {
        Recipient.Customer customer = new Recipient.Customer("c-9", new Recipient.Address("buyer@example.com",
                Optional.of("B"), Optional.empty(), Optional.empty()));
        MessageRequest ack = TRANSACTIONAL.toRecipient(customer);
        Facts contact = new Facts(Optional.of("buyer@example.com"), Optional.of("B"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty());
        assertEquals("GO", verdict(ack, contact));
        Suppression hardBounce = new Suppression(Reason.HARD_BOUNCE, Scope.ALL, NOW.minusSeconds(10));
        assertEquals(SkipReason.SUPPRESSED, verdict(ack, new Facts(contact.email(), contact.name(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(hardBounce), false,
                        Optional.empty())));
        assertEquals(SkipReason.MARKETING_TO_NON_MEMBER, verdict(MARKETING.toRecipient(customer), contact));
    }
}
