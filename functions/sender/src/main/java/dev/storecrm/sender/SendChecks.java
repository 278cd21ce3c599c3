package dev.storecrm.sender;

import dev.storecrm.domain.Revisioned;
import dev.storecrm.domain.member.ContactPreference;
import dev.storecrm.domain.member.MemberArchive;
import dev.storecrm.domain.member.MemberLedger;
import dev.storecrm.domain.member.MemberPolicy;
import dev.storecrm.domain.member.MemberRecord;
import dev.storecrm.domain.member.MemberSummary;
import dev.storecrm.domain.member.Profile;
import dev.storecrm.domain.messaging.CartCheck;
import dev.storecrm.domain.messaging.Category;
import dev.storecrm.domain.messaging.Channel;
import dev.storecrm.domain.messaging.MessageRequest;
import dev.storecrm.domain.messaging.OpenDisputes;
import dev.storecrm.domain.messaging.PhoneNumber;
import dev.storecrm.domain.messaging.Recipient;
import dev.storecrm.domain.messaging.SendRules.Facts;
import dev.storecrm.domain.messaging.SuppressionList;
import dev.storecrm.domain.reputation.SendingReputation;
import java.time.Instant;
import java.util.Optional;

/**
 * What the sender checks before a message goes, read at send time: the member (status, consent,
 * contact details and preference, last payment), the suppression list (for the address, or for the number of a
 * member who gets marketing by SMS, where a STOP reply is kept), open disputes (marketing only), and the cart
 * a cart message is about ({@link dev.storecrm.domain.messaging.SendRules} decides from these). A
 * guest's consent is the one the cart's newest update carries for the guest's address now; a customer
 * who may not be a member is the member if the archive knows them with an address, else the contact. The
 * reputation guard's state says whether marketing e-mail is paused.
 */
record SendChecks(MemberArchive members, MemberPolicy memberPolicy, SuppressionList suppressions,
                  OpenDisputes disputes, CartCheck carts, SendingReputation reputation) {

    /** What is true of the recipient now; empty when the member does not exist. */
    Optional<Facts> facts(MessageRequest request, Instant now) {
        return switch (request.recipient()) {
            case Recipient.Member member -> members.find(member.customerId(), false).map(Revisioned::value)
                    .map(record -> memberFacts(record, request, now));
            case Recipient.Address address -> Optional.of(addressFacts(address));
            case Recipient.Guest guest -> Optional.of(new Facts(Optional.of(guest.email()), Optional.empty(),
                    guest.locale(), guest.timeZone(), Optional.empty(), carts.guestConsentAt(guest.cartId(),
                    guest.email()), suppressions.find(guest.email(), Optional.empty()), false, Optional.empty()));
            case Recipient.Customer customer -> Optional.of(members.find(customer.customerId(), false)
                    .map(Revisioned::value).filter(record -> record.profile().email() != null)
                    .map(record -> memberFacts(record, request, now))
                    .orElseGet(() -> addressFacts(customer.contact())));
        };
    }

    private Facts addressFacts(Recipient.Address address) {
        return new Facts(Optional.of(address.email()), address.name(), address.locale(), address.timeZone(),
                Optional.empty(), Optional.empty(), suppressions.find(address.email(), Optional.empty()), false,
                Optional.empty());
    }

    private Facts memberFacts(MemberRecord record, MessageRequest request, Instant now) {
        Profile profile = record.profile();
        Optional<String> email = Optional.ofNullable(profile.email());
        Optional<Instant> consentAt = Optional.ofNullable(profile.marketingConsent())
                .filter(c -> c.granted()).map(c -> c.at());
        Optional<Instant> lastPayment = new MemberLedger(memberPolicy).current(record).purchases().lastPayment()
                .map(payment -> payment.stamp().at());
        boolean marketing = request.category() == Category.marketing;
        Optional<ContactPreference> preference = Optional.ofNullable(profile.contactPreference());
        Optional<String> phone = Optional.ofNullable(profile.phone());
        Optional<String> contact = Channel.of(request, preference) == Channel.SMS
                ? phone.filter(PhoneNumber::isE164) : email;
        return new Facts(email, Optional.ofNullable(profile.name()), Optional.ofNullable(profile.locale()),
                Optional.ofNullable(profile.timeZone()),
                Optional.of(MemberSummary.of(record, memberPolicy, now).status()), consentAt,
                contact.flatMap(c -> suppressions.find(c, Optional.of(record.customerId()))),
                marketing && disputes.hasOpenDispute(record.customerId()), lastPayment, preference, phone,
                Optional.ofNullable(profile.country()));
    }
}
