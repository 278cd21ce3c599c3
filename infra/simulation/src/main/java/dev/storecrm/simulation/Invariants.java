package dev.storecrm.simulation;

import dev.storecrm.domain.messaging.QuietHours;
import dev.storecrm.domain.time.LeapDayRule;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.SentMail;
import dev.storecrm.localcloud.TableScan;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The whole-system invariants, judged at the end of a run from what the SES emulator received,
 * the send ledger, and the simulation's record of what the system was told and when:
 *
 * <ol>
 *   <li>no business key sent twice (and no mail outside the send ledger);</li>
 *   <li>no marketing mail in the member's quiet hours (their time zone as the system knew it then);</li>
 *   <li>no marketing to members who had unsubscribed, withdrawn consent, were frozen or cancelled,
 *       or had a dispute open; no mail at all to an address after it bounced or complained;</li>
 *   <li>no cart mail after the cart's order, no win-back mail after the member's next order;</li>
 *   <li>every birthday (lunar too) and wedding greeting on its local date (29 February by the leap-day rule);</li>
 *   <li>festival sends on their computed dates, and member-day sends only on member days, each in the member's
 *       zone ({@link FestivalSends});</li>
 *   <li>nothing lost: every event reached a consumer, every queue drained, every dead-letter queue
 *       empty, every poison message kept in the RejectsTable with its reason;</li>
 *   <li>the member archive holds the latest of every event ({@link ArchiveInvariant}).</li>
 * </ol>
 */
final class Invariants {

    /** A broken invariant: which, and the case that breaks it. */
    record Violation(String invariant, String detail) {}

    /** How much each invariant was put to the test (so an empty run cannot pass by having nothing to check). */
    record Checked(String invariant, int cases) {}

    private static final Duration FEEDBACK_DELAY = Duration.ofMinutes(1);

    static final String ONCE = "no business key sent twice";
    static final String QUIET = "no marketing in quiet hours";
    static final String MARKETING = "no marketing to unsubscribed, frozen, cancelled or disputing members";
    static final String SUPPRESSED = "no mail to a bounced or complaining address";
    static final String CART_EXIT = "no cart mail after the cart's order";
    static final String WIN_BACK_EXIT = "no win-back mail after the member ordered again";
    static final String GREETING_DATE = "every greeting on the member's local date";
    static final String NOTHING_LOST = "nothing lost";

    private final List<Violation> violations = new ArrayList<>();
    private final Map<String, Integer> checked = new LinkedHashMap<>();

    Invariants() {
        // Listed from the start, so that one no case put to the test shows as "0 checked".
        for (String invariant : List.of(ONCE, QUIET, MARKETING, SUPPRESSED, CART_EXIT, WIN_BACK_EXIT, GREETING_DATE,
                NOTHING_LOST, ArchiveInvariant.ARCHIVE)) {
            checked.put(invariant, 0);
        }
    }

    List<Violation> violations() {
        return violations;
    }

    List<Checked> checked() {
        return checked.entrySet().stream().map(e -> new Checked(e.getKey(), e.getValue())).toList();
    }

    static Invariants check(LocalCloud cloud, StoreSimulation.Outcome outcome, List<SentMail> mail,
                            List<Map<String, AttributeValue>> ledger,
                            Map<String, String> senderEnvironment, Map<String, String> greetingEnvironment) {
        Invariants invariants = new Invariants();
        QuietHours quiet = QuietHours.parse(senderEnvironment.getOrDefault("QUIET_HOURS", "21:00-09:00"));
        ZoneId storeZone = ZoneId.of(greetingEnvironment.getOrDefault("STORE_TIME_ZONE", "Asia/Shanghai"));
        LeapDayRule leapDay = LeapDayRule.valueOf(greetingEnvironment.getOrDefault("LEAP_DAY_RULE", "FEBRUARY_28"));
        Map<String, Map<String, AttributeValue>> ledgerByMessage = new HashMap<>();
        ledger.stream().filter(item -> item.containsKey("messageId"))
                .forEach(item -> ledgerByMessage.put(item.get("messageId").s(), item));
        invariants.exactlyOnce(mail, ledgerByMessage);
        Map<String, String> episodes = new HashMap<>();
        scan(cloud, "WinBackTable").stream().filter(item -> item.containsKey("messageKey"))
                .forEach(item -> episodes.put(item.get("messageKey").s(), item.get("episode").s()));
        Map<String, Instant> suppressedSince = new HashMap<>();
        List<Map<String, AttributeValue>> sent = ledger.stream()
                .filter(item -> "SENT".equals(item.get("status").s()) && item.containsKey("settledAt"))
                .sorted(java.util.Comparator.comparing(item -> item.get("settledAt").s()))
                .toList();
        Map<String, SentMail> mailById = mail.stream()
                .collect(Collectors.toMap(SentMail::messageId, m -> m, (a, b) -> a));
        for (Map<String, AttributeValue> entry : sent) {
            Instant at = Instant.parse(entry.get("settledAt").s());
            String key = entry.get("businessKey").s();
            SentMail message = mailById.get(entry.get("messageId") == null ? "" : entry.get("messageId").s());
            if (message != null) {
                invariants.notToSuppressed(key, message, at, suppressedSince);
            }
            if (!entry.containsKey("customerId")) {
                continue;
            }
            String customerId = entry.get("customerId").s();
            GroundTruth.Member member = outcome.truth().member(customerId);
            ZoneId zone = member.zone.at(at).orElse(storeZone);
            if ("marketing".equalsIgnoreCase(entry.get("category").s())) {
                invariants.marketingRules(key, customerId, member, outcome.truth(), at, zone, quiet);
            }
            invariants.journeyExits(key, customerId, outcome.truth(), at, episodes);
            invariants.greetingDate(key, member, at, zone, leapDay);
        }
        invariants.nothingLost(cloud, outcome);
        ArchiveInvariant.check(scan(cloud, "MembersTable"), scan(cloud, "OrdersTable"), outcome.truth(), outcome.end(),
                invariants);
        return invariants;
    }

    private void exactlyOnce(List<SentMail> mail, Map<String, Map<String, AttributeValue>> ledgerByMessage) {
        Map<String, Integer> perKey = new HashMap<>();
        for (SentMail message : mail) {
            checked(ONCE);
            Map<String, AttributeValue> entry = ledgerByMessage.get(message.messageId());
            if (entry == null) {
                violation(ONCE, "a mail outside the send ledger (a second send of a key, or a send around the"
                        + " pipeline): " + message.subject() + " to " + message.to());
                continue;
            }
            perKey.merge(entry.get("businessKey").s(), 1, Integer::sum);
        }
        perKey.entrySet().stream().filter(e -> e.getValue() > 1)
                .forEach(e -> violation(ONCE, e.getKey() + " was sent " + e.getValue() + " times"));
    }

    private void marketingRules(String key, String customerId, GroundTruth.Member member, GroundTruth truth,
                                Instant at, ZoneId zone, QuietHours quiet) {
        checked(QUIET);
        if (quiet.endIfQuiet(at, zone).isPresent()) {
            violation(QUIET, key + " went at " + at.atZone(zone).toLocalTime() + " in " + zone);
        }
        String name = MARKETING;
        checked(name);
        if (member.unsubscribedAt != null && !at.isBefore(member.unsubscribedAt)) {
            violation(name, key + " went at " + at + " after " + customerId + " unsubscribed at "
                    + member.unsubscribedAt);
        }
        if (!member.consent.at(at).orElse(false)) {
            violation(name, key + " went at " + at + " to " + customerId + " without marketing consent");
        }
        Optional<String> status = member.status.at(at);
        if (status.isPresent() && (status.get().equals("frozen") || status.get().equals("cancelled"))) {
            violation(name, key + " went at " + at + " to " + customerId + ", a " + status.get() + " member");
        }
        if (truth.disputeOpen(customerId, at)) {
            violation(name, key + " went at " + at + " to " + customerId + " while a dispute was open");
        }
    }

    private void notToSuppressed(String key, SentMail message, Instant at, Map<String, Instant> suppressedSince) {
        String name = SUPPRESSED;
        for (String address : message.to()) {
            checked(name);
            Instant since = suppressedSince.get(address.toLowerCase());
            if (since != null && at.isAfter(since.plus(FEEDBACK_DELAY))) {
                violation(name, key + " went at " + at + " to " + address + ", which bounced or complained at "
                        + since);
            }
            String lower = address.toLowerCase();
            boolean simulatorFeedback = lower.startsWith("bounce") || lower.startsWith("complaint");
            if (simulatorFeedback && lower.endsWith("@simulator.amazonses.com")) {
                suppressedSince.putIfAbsent(lower, at);
            }
        }
    }

    private void journeyExits(String key, String customerId, GroundTruth truth, Instant at,
                              Map<String, String> episodes) {
        if (key.startsWith("CART#")) {
            checked(CART_EXIT);
            String cartId = key.split("#")[1];
            truth.cartClosedAt(cartId).filter(closed -> closed.isBefore(at)).ifPresent(closed ->
                    violation(CART_EXIT, key + " went at " + at + "; the cart was ordered at " + closed));
        }
        if (key.startsWith("WINBACK#") && episodes.containsKey(key)) {
            String name = WIN_BACK_EXIT;
            checked(name);
            Instant episode = Instant.parse(episodes.get(key));
            truth.paidSince(customerId, episode, at).ifPresent(paid -> violation(name, key + " went at " + at
                    + " though " + customerId + " had paid order " + paid.orderId() + " at " + paid.occurred()
                    + " (told at " + paid.told() + "), after the episode's order at " + episode));
        }
    }

    private void greetingDate(String key, GroundTruth.Member member, Instant at, ZoneId zone, LeapDayRule leapDay) {
        String[] parts = key.split("#");
        Optional<? extends dev.storecrm.domain.time.AnnualDate> date; // a lunar birthday's year is the lunar year
        int year;
        if (key.startsWith("BIRTHDAY#")) {
            date = member.birthdayAt(at);
            year = Integer.parseInt(parts[2]);
        } else if (key.startsWith("ANNIVERSARY#wedding#")) {
            date = member.wedding.at(at);
            year = Integer.parseInt(parts[3]);
        } else {
            return;
        }
        checked(GREETING_DATE);
        if (date.isEmpty()) {
            violation(GREETING_DATE, key + " went at " + at + " though the member had no such date then");
            return;
        }
        LocalDate expected = date.get().occurrenceIn(year, leapDay);
        LocalDate local = at.atZone(zone).toLocalDate();
        if (!local.equals(expected)) {
            violation(GREETING_DATE, key + " went on " + local + " in " + zone + "; the date is " + expected);
        }
    }

    private void nothingLost(LocalCloud cloud, StoreSimulation.Outcome outcome) {
        checked(NOTHING_LOST);
        outcome.unrouted().forEach(event -> violation(NOTHING_LOST, "no consumer received " + event));
        cloud.deadLetters().forEach((queue, depth) -> {
            if (depth > 0) {
                violation(NOTHING_LOST, depth + " messages in " + queue);
            }
        });
        for (String queue : cloud.queues()) {
            if (!queue.endsWith("DeadLetterQueue") && cloud.queueDepth(queue) > 0) {
                violation(NOTHING_LOST, cloud.queueDepth(queue) + " messages left unprocessed in " + queue);
            }
        }
        Set<String> rejected = scan(cloud, "RejectsTable").stream().map(item -> item.get("messageId").s())
                .collect(Collectors.toSet());
        for (StoreSimulation.Poisoned poisoned : outcome.poison()) {
            checked(NOTHING_LOST);
            if (!rejected.contains(poisoned.messageId())) {
                violation(NOTHING_LOST, "poison message " + poisoned.name() + " on " + poisoned.queue()
                        + " is not in the RejectsTable");
            }
        }
    }

    /** Lists an invariant judged elsewhere ({@link GoLiveCheck}), so that it shows even with no case checked. */
    void list(String invariant) {
        checked.putIfAbsent(invariant, 0);
    }

    void checked(String invariant) {
        checked.merge(invariant, 1, Integer::sum);
    }

    void violation(String invariant, String detail) {
        violations.add(new Violation(invariant, detail));
    }

    static List<Map<String, AttributeValue>> scan(LocalCloud cloud, String table) {
        return TableScan.items(cloud, table).collect(Collectors.toCollection(ArrayList::new));
    }
}
