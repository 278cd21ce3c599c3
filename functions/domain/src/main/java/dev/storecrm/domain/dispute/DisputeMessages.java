package dev.storecrm.domain.dispute;

import dev.storecrm.domain.event.DisputeEvent.Party;
import dev.storecrm.domain.golive.GoLivePolicy;
import dev.storecrm.domain.event.DisputeEvent.Proposal;
import dev.storecrm.domain.event.DisputeEvent.Reason;
import dev.storecrm.domain.event.Stamp;
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
import java.util.Set;

/**
 * The messages of the dispute workflow, all transactional (they concern a dispute the customer has
 * with the store), each under its own business key so it goes at most once:
 *
 * <ul>
 *   <li>to the customer (a member as the archive says, or one who is not at the contact the dispute's
 *       newest event carried): acknowledgement when the dispute opens; an apology when the store accepts a
 *       dispute whose reason is its own fault (it carries the next step); progress when the dispute
 *       moves on or the seller or platform proposes something; the resolution; reminders to ship the
 *       return before the buyer's deadline;</li>
 *   <li>to the care team: reminders before each deadline agents are responsible for (72 h, 24 h, 4 h);</li>
 *   <li>to the escalation address: each breached deadline.</li>
 * </ul>
 * A change that happened before go-live (the history imported before the store went live on this
 * stack) calls for no customer message: the store's former system answered it.
 */
public final class DisputeMessages {

    public static final String JOURNEY = "disputes";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");
    private static final Set<DisputeStatus> PROGRESS = Set.of(DisputeStatus.negotiating,
            DisputeStatus.awaiting_return_shipment, DisputeStatus.awaiting_return_receipt, DisputeStatus.escalated);

    private final ChasePlanner planner;
    private final ChaseContacts contacts;
    private final GoLivePolicy goLive;

    public DisputeMessages(ChasePlanner planner, ChaseContacts contacts) {
        this(planner, contacts, GoLivePolicy.none());
    }

    public DisputeMessages(ChasePlanner planner, ChaseContacts contacts, GoLivePolicy goLive) {
        this.planner = planner;
        this.contacts = contacts;
        this.goLive = goLive;
    }

    /**
     * The customer messages a change calls for. Usually one at most; an opening that arrives after
     * the dispute already moved on (events are not ordered) also brings the message of that move,
     * under the same business key it would have had, so the customer misses nothing and gets nothing twice.
     */
    public List<MessageRequest> forChange(DisputeLifecycle.Outcome.Applied applied, DisputeChange change, Instant now) {
        Dispute before = applied.before();
        Dispute after = applied.after();
        if (after.opening().isEmpty() || after.status().isEmpty() || goLive.isHistory(change.stamp().at())) {
            return List.of();
        }
        Opening opening = after.opening().get();
        Fact<DisputeStatus> status = after.status().get();
        if (before.opening().isEmpty()) {
            List<MessageRequest> messages = new ArrayList<>();
            if (after.isOpen()) {
                messages.add(acknowledgement(after, opening, now));
            }
            if (status.value() != DisputeStatus.awaiting_seller_confirmation) {
                moved(DisputeStatus.awaiting_seller_confirmation, after, opening, status.stamp(), now)
                        .ifPresent(messages::add);
            }
            return messages;
        }
        if (applied.statusMoved() && status.stamp().equals(change.stamp())) {
            return moved(before.currentStatus().orElse(DisputeStatus.awaiting_seller_confirmation), after, opening,
                    change.stamp(), now).stream().toList();
        }
        boolean newest = !status.stamp().isAfter(change.stamp());
        boolean proposed = change.proposal().map(p -> p.party() != Party.buyer).orElse(false)
                && after.proposals().get(change.proposal().get().party()).stamp().equals(change.stamp());
        if (proposed && newest && after.isOpen()) {
            return List.of(progress(after, opening, change.stamp(), now));
        }
        return List.of();
    }

    private MessageRequest acknowledgement(Dispute dispute, Opening opening, Instant now) {
        Map<String, Object> data = customerData(dispute, opening);
        Optional<Deadline> reply = planner.deadlines(dispute).stream()
                .filter(d -> d.rule().responsible() == DeadlineRule.Responsible.agent
                        && d.rule().from() != DeadlineRule.Anchor.evidenceDueBy)
                .findFirst();
        data.put("hasReplyBy", reply.isPresent());
        data.put("replyBy", reply.map(d -> shown(d.due())).orElse(""));
        return toCustomer(DisputeKeys.customer(dispute.disputeId(), "ack"), dispute, "dispute-acknowledged", data, now);
    }

    /** The message of a move from {@code from} to the dispute's status, made by the change stamped {@code stamp}. */
    private Optional<MessageRequest> moved(DisputeStatus from, Dispute after, Opening opening, Stamp stamp,
                                           Instant now) {
        DisputeStatus status = after.currentStatus().orElseThrow();
        String id = after.disputeId();
        boolean refunded = after.resolution().map(r -> r.value() == Resolution.refunded).orElse(false);
        // Accepting is agreeing to the return or refunding; a return already shipped was agreed too.
        boolean accepted = AgentAction.RESPONDABLE.contains(from) && (AgentAction.RETURNING.contains(status)
                || (status == DisputeStatus.resolved && refunded));
        if (accepted && planner.packOf(after).storeAtFault().contains(opening.reason())) {
            Map<String, Object> data = customerData(after, opening);
            data.put("returnAgreed", status == DisputeStatus.awaiting_return_shipment);
            data.put("returnShipped", status == DisputeStatus.awaiting_return_receipt);
            data.put("refunded", status == DisputeStatus.resolved);
            putShipBy(data, after);
            return Optional.of(toCustomer(DisputeKeys.customer(id, "apology"), after, "dispute-apology", data, now));
        }
        if (!status.isOpen()) {
            if (!from.isOpen()) {
                return Optional.empty();
            }
            Map<String, Object> data = customerData(after, opening);
            Optional<Resolution> resolution = after.resolution().map(Fact::value);
            data.put("refunded", resolution.orElse(null) == Resolution.refunded);
            data.put("rejected", resolution.orElse(null) == Resolution.rejected);
            data.put("withdrawn", resolution.orElse(null) == Resolution.withdrawn);
            data.put("closedOnly", resolution.isEmpty());
            return Optional.of(toCustomer(DisputeKeys.customer(id, "resolved"), after, "dispute-resolved", data, now));
        }
        return PROGRESS.contains(status) ? Optional.of(progress(after, opening, stamp, now)) : Optional.empty();
    }

    /** The message of one chase step: a reminder to whoever is responsible, or the breach to the escalation address. */
    public MessageRequest forStep(Dispute dispute, ChaseStep step, Instant now) {
        Opening opening = dispute.opening()
                .orElseThrow(() -> new IllegalStateException("only opened disputes are chased"));
        Deadline deadline = step.deadline();
        String key = DisputeKeys.chase(dispute.disputeId(), step);
        if (!step.isBreach() && deadline.rule().responsible() == DeadlineRule.Responsible.customer) {
            Map<String, Object> data = customerData(dispute, opening);
            data.put("dueAt", shown(deadline.due()));
            data.put("timeLeft", step.name());
            return toCustomer(key, dispute, "dispute-return-reminder", data, now).notAfter(deadline.due());
        }
        Map<String, Object> data = new HashMap<>();
        data.put("disputeId", dispute.disputeId());
        data.put("orderId", opening.orderId());
        data.put("customerId", opening.customerId());
        data.put("channel", opening.channel());
        data.put("reason", opening.reason().name());
        data.put("status", dispute.currentStatus().map(Enum::name).orElse("unknown"));
        data.put("amount", opening.amount().toString());
        data.put("deadline", deadline.rule().labelIn(contacts.agentLocale()));
        data.put("dueAt", shown(deadline.due()));
        data.put("customerResponsible", deadline.rule().responsible() == DeadlineRule.Responsible.customer);
        if (step.isBreach()) {
            return MessageRequest.transactional(key, JOURNEY, contacts.escalation(), "dispute-deadline-breached",
                    data, now);
        }
        data.put("timeLeft", step.name());
        return MessageRequest.transactional(key, JOURNEY, contacts.agents(), "dispute-deadline-reminder", data, now)
                .notAfter(deadline.due());
    }

    private MessageRequest progress(Dispute after, Opening opening, Stamp stamp, Instant now) {
        DisputeStatus status = after.currentStatus().orElse(DisputeStatus.negotiating);
        Map<String, Object> data = customerData(after, opening);
        data.put("negotiating", status == DisputeStatus.negotiating);
        data.put("returnAgreed", status == DisputeStatus.awaiting_return_shipment);
        data.put("returnShipped", status == DisputeStatus.awaiting_return_receipt);
        data.put("escalated", status == DisputeStatus.escalated);
        Optional<Proposal> offer = Optional.ofNullable(after.proposals().get(Party.seller))
                .or(() -> Optional.ofNullable(after.proposals().get(Party.platform)))
                .filter(p -> p.stamp().equals(stamp)).map(Fact::value);
        data.put("hasOffer", offer.isPresent());
        data.put("offerRefund", offer.map(p -> p.refund().toString()).orElse(""));
        data.put("offerReturn", offer.map(Proposal::returnGoods).orElse(false));
        data.put("offerText", offer.flatMap(Proposal::text).orElse(""));
        putShipBy(data, after);
        String key = DisputeKeys.customer(after.disputeId(), "progress-" + DisputeKeys.shortId(stamp.eventId()));
        return toCustomer(key, after, "dispute-progress", data, now);
    }

    private void putShipBy(Map<String, Object> data, Dispute dispute) {
        Optional<Deadline> shipBy = planner.deadlines(dispute).stream()
                .filter(d -> d.rule().responsible() == DeadlineRule.Responsible.customer).findFirst();
        data.put("hasShipBy", shipBy.isPresent());
        data.put("shipBy", shipBy.map(d -> shown(d.due())).orElse(""));
    }

    private static Map<String, Object> customerData(Dispute dispute, Opening opening) {
        Map<String, Object> data = new HashMap<>();
        data.put("disputeId", dispute.disputeId());
        data.put("orderId", opening.orderId());
        data.put("amount", opening.amount().toString());
        data.put("notReceived", opening.reason() == Reason.not_received);
        data.put("notAsDescribed", opening.reason() == Reason.not_as_described);
        data.put("buyerReason", opening.reason() == Reason.buyer_reason);
        data.put("otherReason", opening.reason() == Reason.other);
        return data;
    }

    /**
     * A message to the dispute's customer: the member archive's address if it knows them with one,
     * otherwise the e-mail contact the newest dispute event carried (a guest, a marketplace buyer).
     */
    private static MessageRequest toCustomer(String key, Dispute dispute, String template, Map<String, Object> data,
                                             Instant now) {
        String customerId = dispute.opening().orElseThrow().customerId();
        Recipient recipient = dispute.customerContact().filter(c -> c.email().isPresent())
                .<Recipient>map(c -> new Recipient.Customer(customerId, new Recipient.Address(c.email().get(), c.name(),
                        c.locale(), c.timeZone().map(ZoneId::of))))
                .orElseGet(() -> new Recipient.Member(customerId));
        return MessageRequest.transactional(key, JOURNEY, recipient, template, data, now);
    }

    /** A moment as people read it: local time of the store, with the zone ({@code 2026-11-18 00:00 Asia/Shanghai}). */
    private String shown(Instant instant) {
        return SHOWN.format(instant.atZone(contacts.zone())) + " " + contacts.zone().getId();
    }
}
