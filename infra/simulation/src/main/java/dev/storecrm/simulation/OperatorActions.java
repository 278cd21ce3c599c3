package dev.storecrm.simulation;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.domain.loyalty.EntryKind;
import dev.storecrm.domain.loyalty.LedgerEntry;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.simulation.platform.Platform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * An operator at work, through MemberViewFunction's IAM-signed URL as a staff script calls it
 * ({@code POST /members/{id}/actions}): some members frozen (half of them unfrozen three days later),
 * one tier override, and points adjustments: for a few members a credit, a day later a debit of half of
 * what they can spend (each sent twice with the same request key, a retried call), and a day later a
 * debit beyond the balance. An accepted
 * status change is told to the run's ground truth, so the marketing invariant holds the freeze too.
 * At the end: every accepted adjustment is in the ledger once (a debit the points no longer covered when
 * it arrived is kept as a reject instead), no debit beyond the balance was accepted (409; 404 for a
 * customer the archive does not know yet), and the override holds.
 */
final class OperatorActions {

    static final String FUNCTION = "MemberViewFunction";
    static final String ONCE = "an operator's points adjustment is in the ledger exactly once (or kept as refused)";
    static final String REFUSED = "an adjustment beyond the member's balance is never accepted";
    static final String TIER = "an operator's tier override holds until its end";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One adjustment as sent: its key, points, and what the route answered the first time. */
    private record Adjustment(String customerId, String key, long points, boolean beyond, int status) {}

    private final LocalFunctions functions;
    private final SimulatedClock clock;
    private final GroundTruth truth;
    private final Random random;
    /** The members the operators act on (the erasure requests leave them alone). */
    private final Set<String> targets = new HashSet<>();
    private final ErasureRequests erasures;
    private final Instant start;
    private final Instant end;
    private final List<Adjustment> adjustments = new ArrayList<>();
    private final Map<String, Integer> answers = new TreeMap<>();
    private final List<String> overridden = new ArrayList<>();
    /** The marketer's broadcast, one of the staff's scripts like the operator's. */
    private final StoreBroadcast broadcast;
    private int keys;
    private final ComplaintBurst burst;

    OperatorActions(SimulationOptions options, LocalFunctions functions, SimulatedClock clock, GroundTruth truth,
                    LocalCloud cloud) {
        this.erasures = new ErasureRequests(cloud, options.platform() == Platform.CANONICAL);
        this.burst = new ComplaintBurst(cloud, functions, clock, options);
        this.functions = functions;
        this.clock = clock;
        this.truth = truth;
        this.random = new Random(options.seed() * 31 + 11);
        this.start = options.start().atStartOfDay(ZoneOffset.UTC).toInstant();
        this.end = start.plus(Duration.ofDays(options.days()));
        this.broadcast = new StoreBroadcast(options, functions);
    }

    /** The customers' erasure requests the back office carries out during the run. */
    ErasureRequests erasures() {
        return erasures;
    }

    /** The complaint burst of the fault mode, and the operator's resume of the marketing it paused. */
    ComplaintBurst burst() {
        return burst;
    }

    /** The marketer's broadcast of the run. */
    StoreBroadcast broadcast() {
        return broadcast;
    }

    /**
     * The operator's calls over the period, for members of the store, the customers' erasure requests
     * ({@link ErasureRequests}: the store's plan loses what it would say about them after their request), the
     * complaint burst, with faults, and the marketer's broadcast.
     */
    List<Planned> plan(List<SimMember> members, Collection<Planned> store) {
        List<Planned> plan = new ArrayList<>(burst.plan());
        plan.addAll(broadcast.plan());
        if (members.isEmpty()) {
            return plan;
        }
        long seconds = Duration.between(start, end).toSeconds();
        for (int i = 0; i < Math.max(1, members.size() / 50); i++) {
            Instant at = start.plusSeconds(seconds / 3 + random.nextLong(seconds / 3));
            String id = memberBy(members, at);
            plan.add(new Planned.Call(at, FUNCTION, () -> status(id, "freeze")));
            if (i % 2 == 0) {
                plan.add(new Planned.Call(at.plus(Duration.ofDays(3)), FUNCTION, () -> status(id, "unfreeze")));
            }
        }
        String vip = memberBy(members, start.plusSeconds(seconds * 2 / 5));
        plan.add(new Planned.Call(start.plusSeconds(seconds * 2 / 5), FUNCTION, () -> tier(vip)));
        for (int i = 0; i < Math.max(3, members.size() / 30); i++) {
            Instant at = start.plusSeconds(seconds / 5 + random.nextLong(seconds * 3 / 5));
            String id = memberBy(members, at);
            for (int kind = 0; kind < 3; kind++) {
                int what = kind;
                plan.add(new Planned.Call(at.plus(Duration.ofDays(kind)), FUNCTION, () -> adjust(id, what)));
            }
        }
        plan.addAll(erasures.plan(members, store, targets, start, end));
        return plan;
    }

    /** A member the store registered before {@code at} (the last one drawn if none of a few draws was). */
    private String memberBy(List<SimMember> members, Instant at) {
        SimMember member = members.get(random.nextInt(members.size()));
        for (int draw = 0; draw < 20 && !member.registeredAt().isBefore(at); draw++) {
            member = members.get(random.nextInt(members.size()));
        }
        targets.add(member.id());
        return member.id();
    }

    private int status(String customerId, String action) {
        ObjectNode body = request(action, "operator review");
        int status = act(customerId, body);
        if (status == 202) {
            Instant now = clock.instant();
            ObjectNode told = JSON.createObjectNode().put("type", "MemberUpdated").put("occurredAt", now.toString());
            told.putObject("body").put("customerId", customerId).putObject("membership")
                    .put("status", action.equals("freeze") ? "frozen" : "active");
            truth.published(told, now);
        }
        return 1;
    }

    private int tier(String customerId) {
        ObjectNode body = request("tier", "key account").put("tier", "VIP2")
                .put("until", end.plus(Duration.ofDays(30)).toString());
        if (act(customerId, body) == 202) {
            overridden.add(customerId);
        }
        return 1;
    }

    /** A credit (kind 0), a debit of half the spendable points (1), or a debit beyond them (2); sent twice. */
    private int adjust(String customerId, int kind) {
        int calls = 0;
        long points = 10 * (5 + random.nextInt(46));
        if (kind > 0) {
            JsonNode view = read(functions.invokeSignedUrl(FUNCTION, "GET", "/members/" + customerId, "", Map.of(),
                    null));
            calls++;
            long available = view.path("points").path("available").asLong();
            points = kind == 1 ? -(available / 2) : -(available + 100);
            if (points == 0) {
                return calls;
            }
        }
        ObjectNode body = request("points", kind == 0 ? "goodwill" : "correction").put("points", points);
        int status = act(customerId, body);
        adjustments.add(new Adjustment(customerId, body.get("requestKey").asText(), points, kind == 2, status));
        if (status == 202) {
            body.put("again", true);
            act(customerId, body); // the same request again, as a client retrying a lost answer
            calls++;
        }
        return calls + 1;
    }

    private ObjectNode request(String action, String reason) {
        return JSON.createObjectNode().put("action", action).put("requestKey", "sim-op-" + ++keys)
                .put("reason", reason);
    }

    private int act(String customerId, ObjectNode body) {
        boolean again = body.remove("again") != null;
        APIGatewayV2HTTPResponse response = functions.invokeSignedUrl(FUNCTION, "POST",
                "/members/" + customerId + "/actions", "", Map.of("content-type", "application/json"),
                body.toString());
        answers.merge(body.get("action").asText() + (again ? "(sent-again)" : "") + " " + response.getStatusCode(),
                1, Integer::sum);
        return response.getStatusCode();
    }

    /** The invariants of the operator's work, judged on the ledger and the rejects at the end of the run. */
    void check(LocalCloud cloud, Invariants invariants) {
        Map<String, List<LedgerEntry>> entries = PointsLedgerView.read(cloud).entries();
        String rejects = Invariants.scan(cloud, "RejectsTable").stream()
                .filter(r -> "INSUFFICIENT_POINTS".equals(r.get("reason").s()))
                .map(r -> r.get("body").s()).reduce("", String::concat);
        for (Adjustment adjustment : adjustments) {
            if (adjustment.beyond()) {
                invariants.checked(REFUSED);
                if (adjustment.status() < 300) {
                    invariants.violation(REFUSED, adjustment.customerId() + "'s debit of " + -adjustment.points()
                            + " points, more than they could spend, was accepted (" + adjustment.status() + ")");
                }
            }
            String source = "request:adjust:" + adjustment.key();
            long found = entries.getOrDefault(adjustment.customerId(), List.of()).stream()
                    .filter(e -> e.kind() == EntryKind.ADJUSTMENT && e.posting().source().equals(source)).count();
            if (adjustment.status() == 202) {
                invariants.checked(ONCE);
                boolean keptAsRefused = found == 0 && adjustment.points() < 0 && rejects.contains(adjustment.key());
                if (found != 1 && !keptAsRefused) {
                    invariants.violation(ONCE, adjustment.customerId() + "'s adjustment " + adjustment.key() + " of "
                            + adjustment.points() + " points is in the ledger " + found + " times");
                }
            } else if (found != 0) {
                invariants.violation(ONCE, adjustment.key() + " was refused (" + adjustment.status()
                        + ") yet is in the ledger");
            }
        }
        for (String customerId : overridden) {
            invariants.checked(TIER);
            JsonNode tier = read(functions.invokeSignedUrl(FUNCTION, "GET", "/members/" + customerId, "", Map.of(),
                    null)).path("tier");
            if (!"VIP2".equals(tier.path("name").asText()) || !"override".equals(tier.path("basis").asText())) {
                invariants.violation(TIER, customerId + " holds " + tier + " instead of the override VIP2");
            }
        }
    }

    String report() {
        TextTable table = new TextTable("action", "answer", "requests");
        answers.forEach((answer, count) -> {
            String[] parts = answer.split(" ");
            table.row(parts[0], parts[1], String.format("%,d", count));
        });
        long credited = adjustments.stream().filter(a -> a.status() == 202 && a.points() > 0)
                .mapToLong(Adjustment::points).sum();
        long debited = adjustments.stream().filter(a -> a.status() == 202 && a.points() < 0)
                .mapToLong(Adjustment::points).sum();
        return table.render() + String.format("%npoints adjusted: %,d credited, %,d debited (accepted requests, "
                + "each sent twice: the second is answered 202 again before the ledger applied the first, 200 "
                + "duplicate after)%n", credited, -debited);
    }

    private static JsonNode read(APIGatewayV2HTTPResponse response) {
        try {
            return JSON.readTree(response.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
