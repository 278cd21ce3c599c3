package dev.storecrm.domain.caremail;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.messaging.MessageOutbox;
import dev.storecrm.domain.messaging.Timers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes customer mail into conversations and chases their deadlines. A mail is refused (kept in the RejectsTable
 * with the reason, never answered) when it is automatic; otherwise it joins the conversation its reply token
 * ({@code care+<conversation>@...}) or its {@code In-Reply-To}/{@code References} name, or opens a new one whose id
 * derives from its Message-ID (so a retry converges on the same conversation). A new conversation is classified,
 * linked to the member (by address, or through the order it names) and given its answer deadline in the store's
 * working hours; the customer is acknowledged once and the chase armed. Everything after the recording is
 * idempotent, and is done again for a mail taken before, so that a crash between the two loses nothing.
 */
public final class CareIntake {

    /** What handling an inbound mail or a chase firing did. */
    public enum Outcome { OPENED, THREADED, DUPLICATE, CHASED, STALE_FIRING }

    /** The store's care policy: the classification rules, the working hours and the chase's reminders. */
    public record Policy(CareRules rules, WorkingHours hours, CareChase chase) {}

    private static final Pattern TOKEN = Pattern.compile("^[^+@]+\\+(c-[0-9a-f]{16})@", Pattern.CASE_INSENSITIVE);
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private final ConversationStore store;
    private final CareCustomers customers;
    private final Policy policy;
    private final CareMessages messages;
    private final MessageOutbox outbox;
    private final Timers timers;
    private final Clock clock;

    public CareIntake(ConversationStore store, CareCustomers customers, Policy policy, CareMessages messages,
                      MessageOutbox outbox, Timers timers, Clock clock) {
        this.store = store;
        this.customers = customers;
        this.policy = policy;
        this.messages = messages;
        this.outbox = outbox;
        this.timers = timers;
        this.clock = clock;
    }

    /** The id of the conversation a first mail opens: derived from its Message-ID. */
    public static String conversationId(String messageId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(messageId.getBytes(StandardCharsets.UTF_8));
            return "c-" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Outcome take(InboundMail mail) {
        Optional<String> refusal = MailRefusals.automatic(mail);
        if (refusal.isPresent()) {
            throw new InvalidInputException(RejectReason.REFUSED_MAIL, refusal.get() + "; not answered");
        }
        Optional<Conversation> existing = threadOf(mail);
        Conversation conversation = existing.map(c -> followUp(c, mail)).orElseGet(() -> opening(mail));
        boolean reopened = existing.isPresent() && !existing.get().isOpen();
        boolean recorded = store.record(existing, conversation, mail, existing.isPresent() ? "follow-up" : "opened "
                + conversation.category() + (conversation.urgent() ? ", urgent" : ""));
        if (recorded && reopened) {
            store.note(conversation.conversationId(), mail.receivedAt(), "reopened", "the customer wrote again (it was "
                    + existing.get().status() + "); answer by " + conversation.answerBy());
        }
        if (existing.isEmpty() || !recorded) {
            outbox.enqueue(messages.acknowledgement(store.get(conversation.conversationId()).orElse(conversation),
                    clock.instant()));
        }
        arm(store.get(conversation.conversationId()).orElse(conversation));
        return !recorded ? Outcome.DUPLICATE : existing.isPresent() ? Outcome.THREADED : Outcome.OPENED;
    }

    public Outcome fire(CareFiring firing) {
        Optional<Conversation> conversation = store.get(firing.conversationId());
        if (conversation.isEmpty() || !conversation.get().isOpen()
                || !conversation.get().answerBy().equals(firing.answerBy())) {
            return Outcome.STALE_FIRING;
        }
        outbox.enqueue(messages.forStep(conversation.get(), firing, clock.instant()));
        store.note(firing.conversationId(), clock.instant(), firing.isBreach() ? "escalated" : "reminded",
                firing.step());
        policy.chase().after(conversation.get(), firing).ifPresent(this::schedule);
        return Outcome.CHASED;
    }

    /** An agent's "the answer will take longer": the new deadline, the customer told, the chase re-armed. */
    public Conversation delay(String conversationId, Instant newAnswerBy, String actor) {
        Conversation conversation = store.get(conversationId).filter(Conversation::isOpen).orElseThrow(() ->
                new InvalidInputException(RejectReason.INVALID_TRANSITION, "no open conversation " + conversationId));
        if (!newAnswerBy.isAfter(conversation.answerBy()) || !newAnswerBy.isAfter(clock.instant())) {
            throw new InvalidInputException(RejectReason.INVALID_TRANSITION,
                    "answerBy must be later than the present deadline and than now");
        }
        Conversation moved = conversation.withAnswerBy(newAnswerBy);
        store.moveDeadline(moved, conversation.answerBy(), actor, clock.instant());
        outbox.enqueue(messages.delay(moved, clock.instant()));
        arm(moved);
        return moved;
    }

    private Optional<Conversation> threadOf(InboundMail mail) {
        for (String recipient : mail.recipients()) {
            Matcher token = TOKEN.matcher(recipient);
            if (token.find()) {
                Optional<Conversation> found = store.get(token.group(1).toLowerCase(Locale.ROOT));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        for (String id : mail.threadIds()) {
            Optional<Conversation> found = store.conversationOf(id).flatMap(store::get);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Conversation opening(InboundMail mail) {
        Optional<String> member = customers.memberByEmail(mail.from());
        CareRules.Classification first = policy.rules().classify(mail.subject(), mail.text(), false);
        Optional<String> order = Optional.empty();
        for (String number : first.orderNumbers()) {
            Optional<String> owner = customers.ownerOf(number, member);
            if (owner.isPresent()) {
                order = Optional.of(number);
                member = member.or(() -> owner);
                break;
            }
        }
        boolean dispute = member.map(customers::hasOpenDispute).orElse(false);
        CareRules.Classification classification = dispute
                ? new CareRules.Classification(first.category(), true, first.orderNumbers()) : first;
        Instant answerBy = policy.hours().plus(mail.receivedAt(), classification.answerWithin(policy.rules()));
        return new Conversation(conversationId(mail.messageId()), Conversation.Status.open,
                classification.category().name(), classification.urgent(), member, mail.from(), mail.fromName(),
                locale(mail), order.or(() -> first.orderNumbers().stream().findFirst()), mail.subject(),
                mail.receivedAt(), mail.receivedAt(), 1, answerBy, mail.messageId());
    }

    /**
     * A customer's follow-up: counted; a complaint makes the conversation urgent and its deadline no later. A
     * conversation an agent answered (waiting for the customer, or closed) reopens with a fresh deadline.
     */
    private Conversation followUp(Conversation conversation, InboundMail mail) {
        CareRules.Classification now = policy.rules().classify(mail.subject(), mail.text(), false);
        boolean urgent = conversation.urgent() || now.urgent();
        Instant answerBy = conversation.answerBy();
        if (!conversation.isOpen()) {
            CareRules.Category category = policy.rules().category(conversation.category()).orElse(now.category());
            answerBy = policy.hours().plus(mail.receivedAt(),
                    new CareRules.Classification(category, urgent, List.of()).answerWithin(policy.rules()));
        } else if (urgent && !conversation.urgent()) {
            Instant urgentBy = policy.hours().plus(mail.receivedAt(), policy.rules().urgentAnswerWithin());
            answerBy = urgentBy.isBefore(answerBy) ? urgentBy : answerBy;
        }
        boolean latest = mail.receivedAt().isAfter(conversation.lastMessageAt());
        return new Conversation(conversation.conversationId(), Conversation.Status.open, conversation.category(),
                urgent, conversation.customerId(), conversation.email(), conversation.name(), conversation.locale(),
                conversation.orderId(), conversation.subject(), conversation.openedAt(),
                latest ? mail.receivedAt() : conversation.lastMessageAt(), conversation.messages() + 1, answerBy,
                latest ? mail.messageId() : conversation.lastMessageId());
    }

    private void arm(Conversation conversation) {
        policy.chase().next(conversation, clock.instant()).ifPresent(this::schedule);
    }

    private void schedule(CareFiring step) {
        timers.schedule(new Timers.Timer(CareFiring.timerId(step.conversationId()), CareFiring.TARGET, step.toJson(),
                step.at()));
    }

    /** The customer's language: Chinese when the mail is written in Chinese characters, else English. */
    static String locale(InboundMail mail) {
        return HAN.matcher(mail.subject() + mail.text()).find() ? "zh-CN" : "en";
    }

    /** For tests and the staff routes: the categories the rules know. */
    public List<String> categories() {
        return policy.rules().categories().stream().map(CareRules.Category::name).toList();
    }
}
