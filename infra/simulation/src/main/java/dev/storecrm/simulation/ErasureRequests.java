package dev.storecrm.simulation;

import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.SentMail;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Some members ask for their data to be erased during the run (CustomerErasureRequested on the bus, docs/privacy.md):
 * one member in a hundred (at least one), among those who take part in no referral and no dispute and on whom the
 * operators do not act, in the middle third of the run. The store says nothing more about them after the request.
 * Invariant: no mail to an erased member after the request (the SES emulator's mail to their address counted a
 * minute after it, and at the end; no send-ledger entry names them at the end), and the erasure is done.
 */
final class ErasureRequests {

    static final String NO_MAIL = "no mail to an erased member after the request";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An erasure asked for: whose, their address, when, and the mail they had got a minute after it. */
    private static final class Erasure {
        final String customerId;
        final String email;
        final Instant at;
        int mailAfterRequest = -1;

        Erasure(String customerId, String email, Instant at) {
            this.customerId = customerId;
            this.email = email;
            this.at = at;
        }
    }

    private final Map<String, Erasure> erasures = new LinkedHashMap<>();
    private final LocalCloud cloud;
    private final boolean canonical;

    /** @param canonical the store speaks canonical events (a platform's adapter has no erasure request to send) */
    ErasureRequests(LocalCloud cloud, boolean canonical) {
        this.cloud = cloud;
        this.canonical = canonical;
    }

    /**
     * Chooses the members and plans their requests; takes out of the store's plan what it would have said about
     * them after their request.
     */
    List<Planned> plan(List<SimMember> members, Collection<Planned> plan, Set<String> excluded, Instant start,
                       Instant end) {
        if (!canonical) {
            return List.of();
        }
        Set<String> avoid = new HashSet<>(excluded);
        for (SimMember member : members) {
            if (member.referrerId() != null) {
                avoid.add(member.id());
                avoid.add(member.referrerId());
            }
        }
        Map<String, List<Instant>> orders = new HashMap<>();
        for (Planned planned : plan) {
            if (planned instanceof Planned.Publish publish && publish.event().path("type").asText()
                    .startsWith("Dispute")) {
                avoid.add(publish.event().path("body").path("customerId").asText());
            }
            if (planned instanceof Planned.Publish publish
                    && publish.event().path("type").asText().equals("OrderPlaced")) {
                orders.computeIfAbsent(publish.event().path("body").path("customerId").asText(),
                        id -> new ArrayList<>()).add(publish.at());
            }
        }
        long seconds = Duration.between(start, end).toSeconds();
        int wanted = Math.max(1, members.size() / 100);
        List<Planned> requests = new ArrayList<>();
        for (int i = 0; i < members.size() && erasures.size() < wanted; i += 37) {
            SimMember member = members.get(i);
            Instant at = start.plusSeconds(seconds / 3 + seconds * erasures.size() / (3L * wanted))
                    .truncatedTo(ChronoUnit.MINUTES);
            if (avoid.contains(member.id()) || !member.registeredAt().isBefore(at)
                    || orderedShortlyBefore(orders.getOrDefault(member.id(), List.of()), at)) {
                continue;
            }
            Erasure erasure = new Erasure(member.id(), member.email(), at);
            erasures.put(member.id(), erasure);
            requests.add(new Planned.Publish(at, request(member, at), false));
            requests.add(new Planned.Call(at.plus(Duration.ofMinutes(1)), "PrivacyRequestsFunction", () -> {
                erasure.mailAfterRequest = mailTo(erasure.email);
                return 0;
            }));
        }
        plan.removeIf(this::after);
        return requests;
    }

    /**
     * Whether the member ordered in the week before the request: their mail to the care address about it (written up
     * to three days after the order) could come after the request, and the care intake would acknowledge it to their
     * address (a customer writing after their erasure is a new guest conversation), as an agent's planned answer
     * would go to a conversation the erasure closed (docs/privacy.md, "Not yet").
     */
    private static boolean orderedShortlyBefore(List<Instant> orders, Instant request) {
        return orders.stream().anyMatch(order -> order.isBefore(request)
                && !order.isBefore(request.minus(Duration.ofDays(7))));
    }

    /** Whether the store would say this about an erased member after their request. */
    private boolean after(Planned planned) {
        if (!(planned instanceof Planned.Publish publish)) {
            return false;
        }
        Erasure erasure = erasures.get(publish.event().path("body").path("customerId").asText());
        return erasure != null && !publish.at().isBefore(erasure.at);
    }

    private static ObjectNode request(SimMember member, Instant at) {
        ObjectNode event = JSON.createObjectNode().put("id", "sim-erasure-" + member.id())
                .put("type", "CustomerErasureRequested").put("version", 2)
                .put("occurredAt", DateTimeFormatter.ISO_INSTANT.format(at)).put("source", StoreEvents.SOURCE);
        ObjectNode body = event.putObject("body").put("requestId", "sim-dsr-" + member.id());
        body.putObject("subject").put("customerId", member.id()).put("email", member.email());
        body.putObject("requester").put("party", "subject").put("via", "email");
        body.putArray("orderIds");
        return event;
    }

    int requested() {
        return erasures.size();
    }

    /** The invariant, after the run. */
    void check(Invariants invariants) {
        Set<String> inLedger = new HashSet<>();
        for (Map<String, AttributeValue> entry : Invariants.scan(cloud, "SendLedgerTable")) {
            if (entry.containsKey("customerId")) {
                inLedger.add(entry.get("customerId").s());
            }
        }
        Set<String> requests = new HashSet<>();
        Invariants.scan(cloud, "PrivacyRequestsTable").forEach(item -> requests.add(item.get("requestKey").s()
                + " " + (item.containsKey("status") ? item.get("status").s() : "")));
        for (Erasure erasure : erasures.values()) {
            invariants.checked(NO_MAIL);
            int atEnd = mailTo(erasure.email);
            if (erasure.mailAfterRequest < 0 || atEnd != erasure.mailAfterRequest) {
                invariants.violation(NO_MAIL, erasure.customerId + " got " + (atEnd - erasure.mailAfterRequest)
                        + " mail after their erasure request of " + erasure.at);
            }
            if (inLedger.contains(erasure.customerId)) {
                invariants.violation(NO_MAIL, erasure.customerId + " is still named in the send ledger");
            }
            if (!requests.contains("CustomerErasureRequested#sim-dsr-" + erasure.customerId + " ERASED")) {
                invariants.violation(NO_MAIL, erasure.customerId + ": the erasure request is not done");
            }
        }
    }

    /**
     * The send ledger without the entries of erased members (kept under a pseudonym, docs/privacy.md): their
     * profile is gone, so the other invariants can no longer judge their consent or their local time.
     */
    static List<Map<String, AttributeValue>> withoutErased(List<Map<String, AttributeValue>> ledger) {
        return ledger.stream().filter(entry -> !pseudonymous(entry)).toList();
    }

    /** Whether an item names its customer by an erasure's pseudonym. */
    static boolean pseudonymous(Map<String, AttributeValue> item) {
        return item.containsKey("customerId") && item.get("customerId").s().startsWith("erased-");
    }

    /**
     * The mail without what went to erased members (before their request: the invariant above judges what came
     * after): their send-ledger entries are kept under a pseudonym, so the other invariants, which match each mail
     * to its entry, can no longer judge it.
     */
    List<SentMail> withoutTheirMail(List<SentMail> mail) {
        Set<String> erased = new HashSet<>();
        erasures.values().forEach(erasure -> erased.add(erasure.email));
        return mail.stream().filter(message -> message.to().stream().noneMatch(erased::contains)).toList();
    }

    private int mailTo(String email) {
        return (int) cloud.sentMail().stream().filter(mail -> mail.to().contains(email)).count();
    }

    /** For the report: the requests, and the mail their members had got by then. */
    String report() {
        StringBuilder report = new StringBuilder();
        for (Erasure erasure : erasures.values()) {
            report.append(String.format("  %s  erasure requested %s  mail before it %d%n", erasure.customerId,
                    erasure.at, Math.max(0, erasure.mailAfterRequest)));
        }
        return report.toString();
    }
}
