package dev.storecrm.domain.messaging;

import dev.storecrm.domain.member.ContactPreference;
import dev.storecrm.domain.member.MembershipStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Whether a message may go, decided at send time from what is true now (not what was true when
 * the message was planned).
 *
 * <ul>
 *   <li>Every message needs one plain address ({@link EmailAddress}; a value stored before the contract
 *       refused other forms is not mailed) that is not suppressed for its category (an unsubscribe is
 *       lifted by consent given again after it); marketing to a member who prefers SMS ({@link Channel#of})
 *       needs instead a number in E.164 form ({@link PhoneNumber}) that is not suppressed (a STOP reply).</li>
 *   <li>Marketing also needs a member recipient who is an active member, whose contact preference
 *       lets marketing come by e-mail or SMS ({@link Channel#forMarketing}), who has marketing consent,
 *       has not unsubscribed, and has no open dispute, or a guest recipient whose cart's newest update
 *       still carries the guest's consent for the address (and who has not unsubscribed); and the
 *       journey's exit condition must not hold (a paid order since a moment; a cart closed or changed
 *       since the message was planned).</li>
 *   <li>Transactional mail concerns an order or a dispute the customer has with the store, so it
 *       goes whatever the membership status and the contact preference (it is part of the service the
 *       customer asked for; it goes by e-mail, the channel every customer has), to a non-member at the
 *       contact the event carried; hard bounces and complaints still stop it.</li>
 *   <li>A message past its {@code notAfter} is skipped as expired.</li>
 * </ul>
 */
public final class SendRules {

    /** Why a message was not sent; settled in the ledger, so a duplicate will not try again. */
    public enum SkipReason {
        UNKNOWN_MEMBER, NO_ADDRESS, INVALID_ADDRESS, NOT_AN_ACTIVE_MEMBER, NO_MARKETING_CONSENT,
        MARKETING_TO_NON_MEMBER, SUPPRESSED, UNSUBSCRIBED, OPEN_DISPUTE, JOURNEY_EXITED, EXPIRED,
        /** The member prefers no contact. */
        PREFERS_NO_CONTACT,
        /** The member prefers a channel the sender does not send on (phone, post). */
        PREFERS_ANOTHER_CHANNEL,
        /** An SMS member without a telephone number, or with one not in E.164 form. */
        NO_PHONE_NUMBER, INVALID_PHONE_NUMBER,
        /** The member prefers SMS and the stack has no SMS origination identity. */
        SMS_NOT_SET_UP,
        /** The member's cap slot is held past the message's last chance by one of no lower priority. */
        EXPIRED_UNDER_CAP,
        /** Marketing e-mail was paused by the reputation guard until past the message's {@code notAfter}. */
        EXPIRED_WHILE_PAUSED,
        /** The recipient is in the journey's holdout group: recorded when it would have gone, never sent. */
        HELD_OUT
    }

    /**
     * What is known of the recipient now. {@code status} is empty for a plain address or a guest;
     * {@code consentAt} is when marketing consent was last given (empty: never, or withdrawn); for a
     * guest, as the cart's newest update says; {@code contactPreference} is a member's (empty: not given).
     */
    public record Facts(Optional<String> email, Optional<String> name, Optional<String> locale,
                        Optional<ZoneId> timeZone, Optional<MembershipStatus> status, Optional<Instant> consentAt,
                        Optional<SuppressionList.Suppression> suppression, boolean openDispute,
                        Optional<Instant> lastPaymentAt, Optional<ContactPreference> contactPreference,
                        Optional<String> phone, Optional<String> country) {

        /** Facts without a telephone number or a country (e-mail only). */
        public Facts(Optional<String> email, Optional<String> name, Optional<String> locale,
                     Optional<ZoneId> timeZone, Optional<MembershipStatus> status, Optional<Instant> consentAt,
                     Optional<SuppressionList.Suppression> suppression, boolean openDispute,
                     Optional<Instant> lastPaymentAt, Optional<ContactPreference> contactPreference) {
            this(email, name, locale, timeZone, status, consentAt, suppression, openDispute, lastPaymentAt,
                    contactPreference, Optional.empty(), Optional.empty());
        }

        /** Facts with no contact preference (a guest, an address, or a member who gave none). */
        public Facts(Optional<String> email, Optional<String> name, Optional<String> locale,
                     Optional<ZoneId> timeZone, Optional<MembershipStatus> status, Optional<Instant> consentAt,
                     Optional<SuppressionList.Suppression> suppression, boolean openDispute,
                     Optional<Instant> lastPaymentAt) {
            this(email, name, locale, timeZone, status, consentAt, suppression, openDispute, lastPaymentAt,
                    Optional.empty());
        }
    }

    /** The verdict: go (by e-mail to this address, or by SMS to this number) or skip (for this reason). */
    public sealed interface Verdict {
        record Go(String email) implements Verdict {}

        record Text(String phone) implements Verdict {}

        record Skip(SkipReason reason) implements Verdict {}
    }

    private SendRules() {}

    public static Verdict check(MessageRequest request, Optional<Facts> known, Instant now) {
        return check(request, known, CartCheck.NONE, now);
    }

    /** As {@link #check(MessageRequest, Optional, Instant)}, looking at carts for a cart journey's exit. */
    public static Verdict check(MessageRequest request, Optional<Facts> known, CartCheck carts, Instant now) {
        if (request.notAfter().isPresent() && now.isAfter(request.notAfter().get())) {
            return new Verdict.Skip(SkipReason.EXPIRED);
        }
        if (known.isEmpty()) {
            return new Verdict.Skip(SkipReason.UNKNOWN_MEMBER);
        }
        Facts facts = known.get();
        boolean sms = Channel.of(request, facts.contactPreference()) == Channel.SMS;
        Optional<String> contact = sms ? facts.phone() : facts.email();
        if (contact.isEmpty()) {
            return new Verdict.Skip(sms ? SkipReason.NO_PHONE_NUMBER : SkipReason.NO_ADDRESS);
        }
        if (sms ? !PhoneNumber.isE164(contact.get()) : !EmailAddress.isPlain(contact.get())) {
            return new Verdict.Skip(sms ? SkipReason.INVALID_PHONE_NUMBER : SkipReason.INVALID_ADDRESS);
        }
        if (facts.suppression().isPresent() && facts.suppression().get().blocks(request.category())
                && !resubscribedSince(facts, facts.suppression().get())) {
            return new Verdict.Skip(facts.suppression().get().reason() == SuppressionList.Reason.UNSUBSCRIBED
                    ? SkipReason.UNSUBSCRIBED : SkipReason.SUPPRESSED);
        }
        if (request.category() == Category.marketing) {
            Optional<SkipReason> refused = marketingRefused(request.recipient(), facts);
            if (refused.isPresent()) {
                return new Verdict.Skip(refused.get());
            }
        }
        if (request.exitCondition().isPresent() && exited(request.exitCondition().get(), facts, carts)) {
            return new Verdict.Skip(SkipReason.JOURNEY_EXITED);
        }
        return sms ? new Verdict.Text(contact.get()) : new Verdict.Go(contact.get());
    }

    /**
     * Marketing goes to an active member who lets it come by e-mail or SMS, with consent and no open dispute,
     * or to a guest whose consent holds.
     */
    private static Optional<SkipReason> marketingRefused(Recipient recipient, Facts facts) {
        return switch (recipient) {
            case Recipient.Member member -> {
                if (facts.status().orElse(MembershipStatus.NONE) != MembershipStatus.ACTIVE) {
                    yield Optional.of(SkipReason.NOT_AN_ACTIVE_MEMBER);
                }
                if (Channel.forMarketing(facts.contactPreference()).isEmpty()) {
                    yield Optional.of(facts.contactPreference().orElseThrow() == ContactPreference.none
                            ? SkipReason.PREFERS_NO_CONTACT : SkipReason.PREFERS_ANOTHER_CHANNEL);
                }
                if (facts.consentAt().isEmpty()) {
                    yield Optional.of(SkipReason.NO_MARKETING_CONSENT);
                }
                yield facts.openDispute() ? Optional.of(SkipReason.OPEN_DISPUTE) : Optional.empty();
            }
            case Recipient.Guest guest ->
                    facts.consentAt().isEmpty() ? Optional.of(SkipReason.NO_MARKETING_CONSENT) : Optional.empty();
            case Recipient.Address address -> Optional.of(SkipReason.MARKETING_TO_NON_MEMBER);
            case Recipient.Customer customer -> Optional.of(SkipReason.MARKETING_TO_NON_MEMBER);
        };
    }

    private static boolean exited(ExitCondition exit, Facts facts, CartCheck carts) {
        return switch (exit) {
            case ExitCondition.NoOrderSince since ->
                    facts.lastPaymentAt().isPresent() && !facts.lastPaymentAt().get().isBefore(since.since());
            case ExitCondition.CartClosedOrChanged cart -> carts.closedOrChangedSince(cart.cartId(), cart.armedFor());
            case ExitCondition.AnyOf any -> any.conditions().stream().anyMatch(c -> exited(c, facts, carts));
        };
    }

    /** An unsubscribe is undone by consent given again after it (the member opted back in). */
    private static boolean resubscribedSince(Facts facts, SuppressionList.Suppression suppression) {
        return suppression.reason() == SuppressionList.Reason.UNSUBSCRIBED && facts.consentAt().isPresent()
                && facts.consentAt().get().isAfter(suppression.since());
    }
}
