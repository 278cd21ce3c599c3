package dev.storecrm.domain.caremail;

import dev.storecrm.domain.messaging.MailThreading;
import dev.storecrm.domain.messaging.MessageRequest;
import dev.storecrm.domain.messaging.Recipient;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The messages of customer e-mail care, all transactional, each under its own business key so it goes once:
 * the acknowledgement ({@code CARE#<conversation>#ack}, once per conversation), the notice that the answer will
 * take longer ({@code CARE#<conversation>#delay#<new deadline>}), an agent's reply
 * ({@code CARE#<conversation>#reply#<request key>}), and the chase's reminders to the care team and
 * the escalation of a breach ({@code CARE#<conversation>#<deadline>#<step>}). The customer is addressed as a
 * member when the intake matched one (the archive's address and language win at send time), else at the address
 * the mail came from, in the language it was written in. Every message to the customer is threaded onto their last
 * mail ({@code In-Reply-To}, {@code References}) and names the care address with the conversation's token in
 * {@code Reply-To} ({@code care+c-...@}), so their answer to any of them joins the conversation.
 */
public final class CareMessages {

    public static final String JOURNEY = "care-mail";
    private static final Pattern REPLIED = Pattern.compile("(?i)(re|aw|回复|答复)\\s*[:：]");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    private final CareRules rules;
    private final Recipient.Address agents;
    private final Recipient.Address escalation;
    private final ZoneId storeZone;
    private final String careAddress;

    /** {@code careAddress}: the address the store receives customer mail at; replies go to it with the token. */
    public CareMessages(CareRules rules, Recipient.Address agents, Recipient.Address escalation, ZoneId storeZone,
                        String careAddress) {
        this.rules = rules;
        this.agents = agents;
        this.escalation = escalation;
        this.storeZone = storeZone;
        this.careAddress = careAddress;
    }

    public static String ackKey(String conversationId) {
        return "CARE#" + conversationId + "#ack";
    }

    public MessageRequest acknowledgement(Conversation conversation, Instant now) {
        Map<String, Object> data = customerData(conversation);
        data.put("urgent", conversation.urgent());
        return MessageRequest.transactional(ackKey(conversation.conversationId()), JOURNEY, customer(conversation),
                "care-acknowledged", data, now);
    }

    public MessageRequest delay(Conversation moved, Instant now) {
        return MessageRequest.transactional("CARE#" + moved.conversationId() + "#delay#"
                        + moved.answerBy().getEpochSecond(), JOURNEY, customer(moved), "care-delayed",
                customerData(moved), now);
    }

    /**
     * An agent's reply to the customer ({@code CARE#<conversation>#reply#<request key>}): "Re: " and the subject,
     * the text in paragraphs (blank lines) and lines, threaded onto the customer's last message.
     */
    public MessageRequest reply(Conversation conversation, ConversationStore.AgentReply reply, Instant now) {
        Map<String, Object> data = customerData(conversation);
        data.put("replySubject", isReply(conversation.subject()) ? conversation.subject()
                : "Re: " + conversation.subject());
        List<Map<String, Object>> paragraphs = new ArrayList<>();
        for (String paragraph : reply.text().strip().split("\\R\\s*\\R")) {
            paragraphs.add(Map.of("lines", paragraph.strip().lines().map(String::strip).toList()));
        }
        data.put("paragraphs", paragraphs);
        data.put("text", reply.text().strip());
        return MessageRequest.transactional(replyKey(conversation.conversationId(), reply.requestKey()), JOURNEY,
                customer(conversation), "care-reply", data, now);
    }

    /** Whether {@code subject} is a reply's ({@code Re:}, {@code AW:}, {@code 回复:}, {@code 答复:}), as agents' are. */
    public static boolean isReply(String subject) {
        return REPLIED.matcher(subject).lookingAt();
    }

    public static String replyKey(String conversationId, String requestKey) {
        return "CARE#" + conversationId + "#reply#" + requestKey;
    }

    /** A reminder to the care team before the deadline, or the breach to the escalation address. */
    public MessageRequest forStep(Conversation conversation, CareFiring step, Instant now) {
        Map<String, Object> data = new HashMap<>();
        data.put("conversationId", conversation.conversationId());
        data.put("category", label(conversation, agents.locale().orElse("en")));
        data.put("urgent", conversation.urgent());
        data.put("subject", conversation.subject());
        data.put("orderId", conversation.orderId().orElse(""));
        data.put("customerId", conversation.customerId().orElse(""));
        data.put("answerBy", shown(conversation.answerBy()));
        data.put("timeLeft", step.step());
        String key = "CARE#" + conversation.conversationId() + "#" + conversation.answerBy().getEpochSecond() + "#"
                + step.step();
        return step.isBreach()
                ? MessageRequest.transactional(key, JOURNEY, escalation, "care-deadline-breached", data, now)
                : MessageRequest.transactional(key, JOURNEY, agents, "care-deadline-reminder", data, now)
                        .notAfter(conversation.answerBy());
    }

    /** The values of a saved reply's placeholders ({@link SavedReplies#PLACEHOLDERS}) in this conversation. */
    public Map<String, Optional<String>> placeholders(Conversation conversation) {
        return Map.of("customerName", conversation.name(), "orderNumber", conversation.orderId(),
                "deadline", Optional.of(shown(conversation.answerBy())),
                "subject", Optional.of(conversation.subject()));
    }

    private Map<String, Object> customerData(Conversation conversation) {
        Map<String, Object> data = new HashMap<>();
        data.put("conversationId", conversation.conversationId());
        data.put("subject", conversation.subject());
        data.put("category", label(conversation, conversation.locale()));
        data.put("answerBy", shown(conversation.answerBy()));
        data.put("hasOrder", conversation.orderId().isPresent());
        data.put("orderId", conversation.orderId().orElse(""));
        data.put(MailThreading.DATA_KEY, threading(conversation).toData());
        return data;
    }

    /** The customer's last message, and the care address with the conversation's token ({@code care+c-...@}). */
    private MailThreading threading(Conversation conversation) {
        int at = careAddress.lastIndexOf('@');
        String plain = careAddress.substring(0, at).replaceAll("\\+.*$", "");
        return new MailThreading(Optional.of(conversation.lastMessageId()),
                plain + "+" + conversation.conversationId() + careAddress.substring(at));
    }

    private Recipient customer(Conversation conversation) {
        Recipient.Address address = new Recipient.Address(conversation.email(), conversation.name(),
                Optional.of(conversation.locale()), Optional.of(storeZone));
        return conversation.customerId().<Recipient>map(id -> new Recipient.Customer(id, address)).orElse(address);
    }

    private String label(Conversation conversation, String locale) {
        return rules.category(conversation.category()).map(c -> c.labelIn(locale)).orElse(conversation.category());
    }

    private String shown(Instant instant) {
        return SHOWN.format(instant.atZone(storeZone)) + " " + storeZone.getId();
    }
}
