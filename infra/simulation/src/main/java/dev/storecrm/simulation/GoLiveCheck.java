package dev.storecrm.simulation;

import dev.storecrm.domain.cart.CartSequence;
import dev.storecrm.domain.winback.WinBackPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The go-live guard judged on a whole run (docs/go-live.md). The store goes live when the run starts,
 * and its past is imported then ({@link ImportDay}):
 *
 * <ol>
 *   <li>the import day sends no burst: the first day's mail is at most twice a later day's on average,
 *       plus ten;</li>
 *   <li>a member silent past a win-back step at go-live enters one step within the ramp (counted from
 *       the import day; the step the silence had reached then, or a later one, never those before it),
 *       and the ramp's mail is spread: no day of the ramp carries more than twice its even share, plus
 *       five;</li>
 *   <li>no cart mail for a cart whose first step fell due before go-live;</li>
 *   <li>no mail about what a dispute did before go-live: no acknowledgement of an opening before it,
 *       nothing for a dispute closed before it, no reminder or escalation that fell due before it.</li>
 * </ol>
 * The same figures make the report's section on the import day.
 */
final class GoLiveCheck {

    static final String NO_BURST = "the import day sends no burst";
    static final String RAMP = "an imported silence gets one win-back step, spread over the ramp";
    static final String OLD_CARTS = "no cart mail for a cart abandoned before go-live";
    static final String DISPUTE_PAST = "no mail about what a dispute did before go-live";

    private static final Duration DAY = Duration.ofDays(1);
    /** The ramp counts from when the import reaches a member (late deliveries included), on the import day. */
    private static final Duration IMPORT_DAY = Duration.ofDays(1);
    private static final Pattern CHASE = Pattern.compile("#[a-z-]+-(\\d{8}T\\d{4}Z)#(?:(\\d+)([hm])|breach)$");
    private static final DateTimeFormatter KEY_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'");

    private final StoreSimulation.Outcome outcome;
    private final Instant goLive;
    private final int rampDays;
    private final List<WinBackPolicy.Step> steps;
    private final Duration firstCartStep;
    private final List<Map<String, AttributeValue>> sent;
    private final Map<String, Instant> episodes = new HashMap<>();
    private final List<Map<String, AttributeValue>> journal;

    /**
     * @param environment a function's environment from template.yaml (the ramp, the win-back steps, the cart sequence)
     * @param journal     the WinBackTable's entries
     */
    GoLiveCheck(StoreSimulation.Outcome outcome, List<Map<String, AttributeValue>> ledger,
                List<Map<String, AttributeValue>> journal, Map<String, String> environment) {
        this.outcome = outcome;
        this.goLive = outcome.start();
        this.rampDays = Integer.parseInt(environment.getOrDefault("GO_LIVE_RAMP_DAYS", "14"));
        this.steps = WinBackPolicy.parseSteps(environment.getOrDefault("WINBACK_STEP_DAYS", "60,90,180"), "");
        this.firstCartStep = CartSequence.parse(environment.getOrDefault("CART_SEQUENCE", CartSequence.DEFAULT))
                .first().delay();
        this.sent = ledger.stream().filter(e -> "SENT".equals(e.get("status").s()) && e.containsKey("settledAt"))
                .sorted(Comparator.comparing(e -> e.get("settledAt").s())).toList();
        this.journal = journal;
        journal.stream().filter(e -> e.containsKey("messageKey"))
                .forEach(e -> episodes.put(e.get("messageKey").s(), Instant.parse(e.get("episode").s())));
    }

    void judge(Invariants invariants) {
        for (String invariant : List.of(NO_BURST, RAMP, OLD_CARTS, DISPUTE_PAST)) {
            invariants.list(invariant);
        }
        noBurst(invariants);
        oneStepInTheRamp(invariants);
        spreadOverTheRamp(invariants);
        noOldCarts(invariants);
        noDisputePast(invariants);
    }

    /** The report's section: what was imported, the import day's mail, the ramp's. */
    String report(ImportDay.Figures imported) {
        int[] days = mailByDay();
        Map<String, Integer> firstDay = new TreeMap<>();
        sent.stream().filter(e -> day(e) == 0).forEach(e -> firstDay.merge(journey(e), 1, Integer::sum));
        int[] ramp = rampMailByDay();
        return String.format("the store goes live at %s; its past is imported then: %,d members, %,d paid orders "
                        + "(%,d partly refunded), %,d abandoned carts (%,d of them with their first step due before "
                        + "go-live), %,d disputes (%,d still open)%n", goLive, imported.members(), imported.orders(),
                imported.refunds(), imported.carts(), cartsBeforeGoLive().size(), imported.disputes(),
                imported.disputesOpen())
                + String.format("mail on the import day (its first 24 h): %,d %s; a later day on average: %.1f%n",
                days.length == 0 ? 0 : days[0], firstDay, laterDayMean(days))
                + String.format("win-back mail to members silent past a step at go-live, by day of the %d-day ramp: %s "
                        + "(%,d in all)%n", rampDays, Arrays.toString(ramp),
                Arrays.stream(ramp).sum());
    }

    private void noBurst(Invariants invariants) {
        int[] days = mailByDay();
        if (days.length < 2) {
            return;
        }
        invariants.checked(NO_BURST);
        double limit = 2 * laterDayMean(days) + 10;
        if (days[0] > limit) {
            invariants.violation(NO_BURST, days[0] + " e-mails on the import day; a later day has "
                    + String.format("%.1f", laterDayMean(days)) + " on average (at most " + (int) limit + " allowed)");
        }
    }

    /** Each silence the import brought, past a step at go-live, enters one step in the ramp, and not an earlier one. */
    private void oneStepInTheRamp(Invariants invariants) {
        Instant rampEnd = goLive.plus(DAY.multipliedBy(rampDays)).plus(IMPORT_DAY);
        Map<String, List<Map<String, AttributeValue>>> bySilence = journal.stream()
                .filter(e -> Integer.parseInt(e.get("step").n()) > 0)
                .filter(e -> reached(Instant.parse(e.get("episode").s())) > 0)
                .collect(Collectors.groupingBy(e -> e.get("customerId").s() + " " + e.get("episode").s()));
        bySilence.forEach((silence, entries) -> {
            invariants.checked(RAMP);
            entries.sort(Comparator.comparing(e -> e.get("enteredAt").s()));
            Instant episode = Instant.parse(entries.getFirst().get("episode").s());
            Instant first = Instant.parse(entries.getFirst().get("enteredAt").s());
            int step = Integer.parseInt(entries.getFirst().get("step").n());
            long inRamp = entries.stream().filter(e -> Instant.parse(e.get("enteredAt").s()).isBefore(rampEnd)).count();
            if (first.isBefore(goLive) || !first.isBefore(rampEnd)) {
                invariants.violation(RAMP, silence + ": its first step was entered at " + first + ", outside the ramp");
            }
            if (step < reached(episode)) {
                invariants.violation(RAMP, silence + ": step " + step + " though the silence had reached step "
                        + reached(episode) + " at go-live");
            }
            if (inRamp > 1) {
                invariants.violation(RAMP, silence + ": " + inRamp + " steps within the ramp");
            }
        });
    }

    private void spreadOverTheRamp(Invariants invariants) {
        int[] ramp = rampMailByDay();
        int total = Arrays.stream(ramp).sum();
        if (rampDays == 0 || total == 0) {
            return;
        }
        int limit = 2 * (int) Math.ceil((double) total / rampDays) + 5;
        for (int day = 0; day < ramp.length; day++) {
            if (ramp[day] > limit) {
                invariants.violation(RAMP, "day " + day + " of the ramp sent " + ramp[day] + " of its " + total
                        + " win-back e-mails (at most " + limit + " allowed)");
            }
        }
    }

    private void noOldCarts(Invariants invariants) {
        Map<String, Instant> old = cartsBeforeGoLive();
        old.forEach((cart, activity) -> invariants.checked(OLD_CARTS));
        for (Map<String, AttributeValue> entry : sent) {
            String key = entry.get("businessKey").s();
            String[] parts = key.split("#");
            if (key.startsWith("CART#") && old.containsKey(parts[1])) {
                invariants.violation(OLD_CARTS, key + " went at " + entry.get("settledAt").s()
                        + "; the cart was left at " + old.get(parts[1]) + ", its first step due before go-live");
            }
        }
    }

    private void noDisputePast(Invariants invariants) {
        outcome.truth().disputes().forEach((id, dispute) -> {
            if (dispute.openedAt == null || !dispute.openedAt.isBefore(goLive)) {
                return;
            }
            invariants.checked(DISPUTE_PAST);
            String prefix = "DISPUTE#" + id + "#";
            boolean closed = dispute.resolvedAt != null && dispute.resolvedAt.isBefore(goLive);
            for (Map<String, AttributeValue> entry : sent) {
                String key = entry.get("businessKey").s();
                if (!key.startsWith(prefix)) {
                    continue;
                }
                Optional<Instant> stepAt = chaseStepAt(key);
                if (closed || key.endsWith("#ack") || stepAt.filter(at -> at.isBefore(goLive)).isPresent()) {
                    invariants.violation(DISPUTE_PAST, key + " went at " + entry.get("settledAt").s()
                            + " for a dispute " + (closed ? "closed at " + dispute.resolvedAt : "opened at "
                            + dispute.openedAt));
                }
            }
        });
    }

    /** When a chase step was due, read off its key ({@code DISPUTE#<id>#<deadline>-<due>#<24h|30m|breach>}). */
    private static Optional<Instant> chaseStepAt(String key) {
        Matcher chase = CHASE.matcher(key);
        if (!chase.find()) {
            return Optional.empty();
        }
        Instant due = LocalDateTime.parse(chase.group(1), KEY_TIME).toInstant(ZoneOffset.UTC);
        if (chase.group(2) == null) {
            return Optional.of(due);
        }
        long amount = Long.parseLong(chase.group(2));
        return Optional.of(due.minus(chase.group(3).equals("h") ? Duration.ofHours(amount)
                : Duration.ofMinutes(amount)));
    }

    /** The step a silence that began at {@code episode} had reached at go-live (0: none yet). */
    private int reached(Instant episode) {
        Duration silence = Duration.between(episode, goLive);
        return steps.stream().filter(s -> s.after().compareTo(silence) <= 0).mapToInt(WinBackPolicy.Step::number)
                .max().orElse(0);
    }

    private Map<String, Instant> cartsBeforeGoLive() {
        Map<String, Instant> old = new HashMap<>();
        outcome.truth().cartActivity().forEach((cart, at) -> {
            if (at.plus(firstCartStep).isBefore(goLive)) {
                old.put(cart, at);
            }
        });
        return old;
    }

    /** The mail of each whole day of the run, counted from go-live. */
    private int[] mailByDay() {
        int[] days = new int[(int) Duration.between(goLive, outcome.end()).toDays()];
        sent.forEach(e -> {
            int day = day(e);
            if (day >= 0 && day < days.length) {
                days[day]++;
            }
        });
        return days;
    }

    /** The win-back mail of silences the import brought, past a step at go-live, by day of the ramp. */
    private int[] rampMailByDay() {
        int[] days = new int[rampDays];
        for (Map<String, AttributeValue> entry : sent) {
            Instant episode = episodes.get(entry.get("businessKey").s());
            int day = day(entry);
            if (episode != null && reached(episode) > 0 && day >= 0 && day < rampDays) {
                days[day]++;
            }
        }
        return days;
    }

    private static double laterDayMean(int[] days) {
        return days.length < 2 ? 0 : Arrays.stream(days).skip(1).average().orElse(0);
    }

    private int day(Map<String, AttributeValue> entry) {
        Duration since = Duration.between(goLive, Instant.parse(entry.get("settledAt").s()));
        return since.isNegative() ? -1 : (int) since.toDays();
    }

    private static String journey(Map<String, AttributeValue> entry) {
        return entry.containsKey("journey") ? entry.get("journey").s() : "?";
    }
}
