package dev.storecrm.sender;

import static dev.storecrm.platform.logging.LogField.entry;

import dev.storecrm.domain.messaging.Category;
import dev.storecrm.domain.messaging.MailSender;
import dev.storecrm.domain.messaging.MailThreading;
import dev.storecrm.domain.messaging.MailSender.OutgoingMail;
import dev.storecrm.domain.messaging.MessageRequest;
import dev.storecrm.domain.messaging.MessageRequestJson;
import dev.storecrm.domain.messaging.Priority;
import dev.storecrm.domain.messaging.Recipient;
import dev.storecrm.domain.messaging.RenderedMessage;
import dev.storecrm.domain.messaging.SendLedger;
import dev.storecrm.domain.messaging.SendRules;
import dev.storecrm.domain.messaging.SendRules.Facts;
import dev.storecrm.domain.messaging.SendRules.SkipReason;
import dev.storecrm.domain.messaging.SendRules.Verdict;
import dev.storecrm.domain.messaging.SmsSegments;
import dev.storecrm.domain.messaging.SmsSender;
import dev.storecrm.domain.messaging.Timers;
import dev.storecrm.domain.messaging.LinkTokens;
import dev.storecrm.domain.reputation.SendingReputation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one message request, exactly once per business key, when and if its rules allow:
 *
 * <ol>
 *   <li>not yet due ({@code notBefore}) or held by another copy: put off on a timer;</li>
 *   <li>already settled in the send ledger: a duplicate, nothing to do;</li>
 *   <li>the rules of {@link SendRules}, checked now: skip, and settle the key with the reason;</li>
 *   <li>marketing e-mail while the reputation guard has it paused: put off, or past its deadline settled;</li>
 *   <li>marketing in the recipient's quiet hours (and promotional SMS in the China night): put off to the end;</li>
 *   <li>render for the channel (e-mail, or SMS for marketing to a member who prefers it; a broken or missing
 *       template refuses the request, which is kept; an SMS over its part limit is settled, not sent);</li>
 *   <li>claim the key in the ledger; marketing also claims the member's frequency-cap slot by priority
 *       ({@link MarketingSlots}): a capped message is put off until the slot frees up, takes it from a
 *       lower-priority holder when it would otherwise miss its deadline, or else expires under the cap;</li>
 *   <li>send (e-mail at this instance's pace through SES, SMS through End User Messaging), record the send.</li>
 *   <li>transactional e-mail answering a customer's mail carries its {@link MailThreading} headers.</li>
 * </ol>
 * Each channel has its own cap slot (SMS slots are keyed {@code sms#<member>}); one business key covers every
 * channel, so a preference changed between two copies of a request cannot send it twice.
 * Throttling gives the claims back and puts the message off with a growing wait; it never
 * fails a message.
 *
 * <p>Its ports come in three groups: what it checks before sending ({@link SendChecks}), where it
 * records ({@link SendRecords}) and how it sends ({@link Delivery}).
 */
public final class SenderService {

    /** What became of a request. */
    public enum Outcome { SENT, DUPLICATE, DEFERRED, SKIPPED, FAILED }

    private static final Logger LOG = LoggerFactory.getLogger(SenderService.class);

    static final String OUTBOX = "outbox";
    static final String PRIORITY_OUTBOX = "outbox-priority";

    private final SendChecks checks;
    private final SendLedger ledger;
    private final Settlements settlements;
    private final MarketingSlots slots;
    private final MarketingSlots smsSlots;
    private final Timers timers;
    private final Delivery delivery;
    private final SenderSettings settings;
    private final Clock clock;

    SenderService(SendChecks checks, SendRecords records, Delivery delivery, SenderSettings settings, Clock clock) {
        this.checks = checks;
        this.ledger = records.ledger();
        this.settlements = records.settlements();
        this.slots = new MarketingSlots(records.cap(), settings.marketingCap(), settings.capPriorities(),
                settings.quietHours());
        this.smsSlots = new MarketingSlots(records.cap(), delivery.sms().cap(), settings.capPriorities(),
                settings.quietHours());
        this.timers = records.timers();
        this.delivery = delivery;
        this.settings = settings;
        this.clock = clock;
    }

    public Outcome handle(MessageRequest request) {
        Instant now = clock.instant();
        if (request.notBefore().isPresent() && request.notBefore().get().isAfter(now)) {
            return defer(request, request.notBefore().get());
        }
        Optional<SendLedger.Entry> entry = ledger.find(request.businessKey(), false);
        if (entry.isPresent() && entry.get().isSettled()) {
            return Outcome.DUPLICATE;
        }
        if (entry.isPresent() && entry.get().leaseUntil().isAfter(now)) {
            return defer(request, entry.get().leaseUntil().plusSeconds(1));
        }
        if (request.heldOut()) {
            return settle(request, SendLedger.Status.SKIPPED, SkipReason.HELD_OUT.name(), now);
        }
        if (request.deferrals() > settings.maxDeferrals()) {
            return settle(request, SendLedger.Status.FAILED, "TOO_MANY_DEFERRALS", now);
        }

        Optional<Facts> facts = checks.facts(request, now);
        Verdict verdict = SendRules.check(request, facts, checks.carts(), now);
        if (verdict instanceof Verdict.Skip skip) {
            return settle(request, SendLedger.Status.SKIPPED, skip.reason().name(), now);
        }
        boolean sms = verdict instanceof Verdict.Text;
        if (sms && delivery.sms().sender().isEmpty()) {
            return settle(request, SendLedger.Status.SKIPPED, SkipReason.SMS_NOT_SET_UP.name(), now);
        }
        if (request.category() == Category.marketing && !sms) {
            SendingReputation.State reputation = checks.reputation().state();
            if (reputation.paused()) {
                return whilePaused(request, reputation.lastPause().map(SendingReputation.Pause::at).orElse(now), now);
            }
        }
        Facts recipient = facts.orElseThrow();
        ZoneId zone = recipient.timeZone().orElse(settings.storeTimeZone());
        if (request.category() == Category.marketing) {
            Optional<Instant> quietUntil = settings.quietHours().endIfQuiet(now, zone).or(() -> sms
                    ? delivery.sms().night().endIfNight(now, recipient.timeZone(), recipient.country())
                    : Optional.empty());
            if (quietUntil.isPresent()) {
                return deferWithin(request, quietUntil.get(), now);
            }
        }

        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, Object> variables = variables(request, recipient, headers, sms);
        String locale = recipient.locale().orElse(null);
        Supplier<String> dispatch;
        int smsSegments = 0;
        if (verdict instanceof Verdict.Text text) {
            String body = delivery.sms().compose(delivery.renderer().renderSms(request.templateId(), locale,
                    variables, request.category()), request.category());
            Optional<String> refusal = delivery.sms().refusal(body);
            smsSegments = SmsSegments.count(body).parts();
            if (refusal.isPresent()) {
                return settle(request, SendLedger.Status.SKIPPED, refusal.get(), now);
            }
            SmsSender.Type type = request.category() == Category.marketing
                    ? SmsSender.Type.PROMOTIONAL : SmsSender.Type.TRANSACTIONAL;
            dispatch = () -> delivery.sms().send(new SmsSender.OutgoingSms(text.phone(), body, type,
                    Delivery.tags(request)), checks.suppressions(), now);
        } else {
            String address = ((Verdict.Go) verdict).email();
            RenderedMessage message = delivery.renderer().render(request.templateId(), locale, variables,
                    request.category());
            dispatch = () -> delivery.pacer().paced(() -> delivery.mail().send(new OutgoingMail(address,
                    message.subject(), message.html(), message.text(), headers, Delivery.tags(request))));
        }

        String owner = UUID.randomUUID().toString();
        if (!ledger.claim(request.businessKey(), owner, now, settings.lease(), facts(request))) {
            return ledger.find(request.businessKey(), true).filter(SendLedger.Entry::isSettled).isPresent()
                    ? Outcome.DUPLICATE
                    : defer(request, now.plus(settings.lease()));
        }
        MarketingSlots channelSlots = sms ? smsSlots : slots;
        Optional<String> capKey = request.category() == Category.marketing
                ? Optional.of((sms ? "sms#" : "") + MarketingSlots.keyOf(request.recipient())) : Optional.empty();
        if (capKey.isPresent()) {
            MarketingSlots.Claim claim = channelSlots.claim(request, capKey.get(), zone, now);
            if (!(claim instanceof MarketingSlots.Claim.Held)) {
                ledger.release(request.businessKey(), owner);
                return claim instanceof MarketingSlots.Claim.Wait wait ? defer(request, wait.until())
                        : settle(request, SendLedger.Status.SKIPPED, SkipReason.EXPIRED_UNDER_CAP.name(), now);
            }
        }
        return send(request, new Dispatch(dispatch, smsSegments, sms ? "REJECTED_BY_SMS: " : "REJECTED_BY_SES: "),
                owner, capKey.map(key -> new Slot(channelSlots, key)), now);
    }

    /** A marketing slot this message holds: which channel's, and whose. */
    private record Slot(MarketingSlots slots, String key) {}

    /** How the message goes: the call, its SMS segments (0 for e-mail), the reason's prefix if refused. */
    private record Dispatch(Supplier<String> call, int smsSegments, String rejectedBy) {}

    private Outcome send(MessageRequest request, Dispatch dispatch, String owner, Optional<Slot> slot, Instant now) {
        String messageId;
        try {
            messageId = dispatch.call().get();
        } catch (MailSender.ThrottledException throttled) {
            giveBack(request, owner, slot, now);
            return defer(request, now.plus(throttleWait(request)));
        } catch (MailSender.RejectedException rejected) {
            giveBack(request, owner, slot, now);
            return settle(request, SendLedger.Status.FAILED, dispatch.rejectedBy() + rejected.getMessage(), now);
        } catch (RuntimeException unexpected) {
            giveBack(request, owner, slot, now);
            throw unexpected;
        }
        Instant sentAt = clock.instant();
        ledger.markSent(request.businessKey(), owner, messageId, sentAt);
        settlements.settled(request, SendLedger.Status.SENT, null, dispatch.smsSegments(), sentAt);
        return Outcome.SENT;
    }

    private Map<String, Object> variables(MessageRequest request, Facts recipient, Map<String, String> headers,
                                          boolean sms) {
        Map<String, Object> variables = new HashMap<>(request.data());
        Map<String, Object> to = new HashMap<>();
        to.put("name", recipient.name().orElse(""));
        variables.put("recipient", to);
        variables.put("store", Map.of("name", settings.storeName(), "url", settings.storeUrl(),
                "postalAddress", settings.postalAddress()));
        if (request.category() == Category.marketing && !sms) {
            LinkTokens.Subject subject = request.recipient() instanceof Recipient.Guest guest
                    ? LinkTokens.Subject.address(guest.email())
                    : LinkTokens.Subject.member(MarketingSlots.keyOf(request.recipient()));
            String link = settings.unsubscribeUrl() + "?token=" + delivery.tokens().issue(subject);
            variables.put("unsubscribeUrl", link);
            headers.put("List-Unsubscribe", "<" + link + ">");
            headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        MailThreading.in(request.data()).filter(t -> request.category() == Category.transactional && !sms)
                .ifPresent(threading -> headers.putAll(threading.headers()));
        return variables;
    }

    private void giveBack(MessageRequest request, String owner, Optional<Slot> slot, Instant claimedAt) {
        slot.ifPresent(held -> held.slots().release(held.key(), claimedAt));
        ledger.release(request.businessKey(), owner);
    }

    private Duration throttleWait(MessageRequest request) {
        Duration wait = settings.throttleRetry().multipliedBy(1L << Math.min(request.deferrals(), 4));
        return wait.compareTo(Duration.ofMinutes(15)) > 0 ? Duration.ofMinutes(15) : wait;
    }

    /** Puts the request off until the quiet hours end, unless that is past its {@code notAfter}: then it expired. */
    private Outcome deferWithin(MessageRequest request, Instant until, Instant now) {
        if (request.notAfter().isPresent() && until.isAfter(request.notAfter().get())) {
            return settle(request, SendLedger.Status.SKIPPED, SkipReason.EXPIRED.name(), now);
        }
        return defer(request, until);
    }

    /**
     * Puts marketing e-mail off while paused, to its next look ({@link PauseLooks}; not counted as a deferral); a
     * message whose deadline comes first is settled {@code EXPIRED_WHILE_PAUSED}.
     */
    private Outcome whilePaused(MessageRequest request, Instant pausedAt, Instant now) {
        Optional<Instant> look = settings.pauseLooks().next(pausedAt, now, request.notAfter());
        if (look.isEmpty()) {
            return settle(request, SendLedger.Status.SKIPPED, SkipReason.EXPIRED_WHILE_PAUSED.name(), now);
        }
        return schedule(request.pausedTo(look.get()), look.get());
    }

    private Outcome defer(MessageRequest request, Instant until) {
        return schedule(request.deferredTo(until), until);
    }

    private Outcome schedule(MessageRequest deferred, Instant until) {
        LOG.info("message deferred", entry("businessKey", deferred.businessKey()), entry("until", until.toString()),
                entry("deferrals", deferred.deferrals()));
        String target = deferred.priority() == Priority.high ? PRIORITY_OUTBOX : OUTBOX;
        timers.schedule(new Timers.Timer("outbox#" + deferred.businessKey(), target,
                MessageRequestJson.write(deferred), until));
        return Outcome.DEFERRED;
    }

    private Outcome settle(MessageRequest request, SendLedger.Status status, String reason, Instant now) {
        LOG.info("message not sent", entry("businessKey", request.businessKey()), entry("status", status.name()),
                entry("reason", reason));
        // A member the archive does not hold (never registered, or erased since the message was asked for) is not
        // named in the ledger: an erasure has already given the member's entries a pseudonym.
        SendLedger.Facts facts = SkipReason.UNKNOWN_MEMBER.name().equals(reason)
                ? new SendLedger.Facts(request.journey(), request.category(), request.templateId(), Optional.empty())
                : facts(request);
        if (ledger.settle(request.businessKey(), status, reason, now, facts)) {
            settlements.settled(request, status, reason, 0, now);
        }
        return status == SendLedger.Status.SKIPPED ? Outcome.SKIPPED : Outcome.FAILED;
    }

    private static SendLedger.Facts facts(MessageRequest request) {
        return new SendLedger.Facts(request.journey(), request.category(), request.templateId(),
                Settlements.customerId(request));
    }
}
