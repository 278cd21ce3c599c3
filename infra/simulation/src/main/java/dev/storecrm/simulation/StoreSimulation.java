package dev.storecrm.simulation;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.localcloud.ScheduleExpression;
import dev.storecrm.localcloud.SentMail;
import dev.storecrm.simulation.platform.StoreVoice;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

/**
 * Plays the simulated store against the local cloud through the real handlers: events published on
 * the bus at the moment they happen, the scheduled functions fired when their schedule expressions
 * in template.yaml say, the timer sweep run in every minute in which a timer is due (the minutes in
 * between would find nothing), every queue drained, and the members answering the mail they get.
 * The functions read a simulated clock, so ninety days take minutes.
 */
final class StoreSimulation {

    /** What happened, for the report and the invariants. */
    record Outcome(Instant start, Instant end, int events, int duplicates, int delayed, int unsubscribes,
                   List<Poisoned> poison, int throttledSends, Map<String, Integer> invocations,
                   Map<String, Integer> failedAttempts, List<String> invocationErrors, List<String> unrouted,
                   GroundTruth truth, double seconds) {}

    /** A poison message the run put on a queue, and the id SQS gave it. */
    record Poisoned(String queue, String name, String messageId) {}

    private static final String SWEEP = ScheduledRuns.SWEEP;

    private final LocalCloud cloud;
    private final SimulationOptions options;
    private final PrintStream progress;
    private final SimulatedClock clock;
    private final LocalFunctions functions;
    private final SyntheticStore store;
    private final StoreVoice voice;
    private final GroundTruth truth = new GroundTruth();
    private final OperatorActions operator;
    private final CareAgents agents;
    private final FollowUpAnswers followUps;
    private final MailJourneys journeys;
    private final PriorityQueue<Planned> plan = new PriorityQueue<>(Comparator.comparing(Planned::at));
    private final Set<String> mailSeen = new HashSet<>();
    private final Map<String, Integer> invocations = new TreeMap<>();
    private final Map<String, Integer> failedAttempts = new TreeMap<>();
    private final List<String> invocationErrors = new ArrayList<>();
    private final List<String> unrouted = new ArrayList<>();
    private final List<Poisoned> poison = new ArrayList<>();
    private long mailReadSince;
    private int mailAccepted;
    private int events;
    private int duplicates;
    private int delayed;
    private int unsubscribes;
    private int throttled;

    StoreSimulation(LocalCloud cloud, SimulationOptions options, PrintStream progress) {
        this(cloud, options, progress, Map.of());
    }

    /** A store whose functions run with some settings replaced ({@code HOLDOUT_PERCENT} for the lift benchmark). */
    StoreSimulation(LocalCloud cloud, SimulationOptions options, PrintStream progress, Map<String, String> settings) {
        this.cloud = cloud;
        this.options = options;
        this.progress = progress;
        Instant start = options.start().atStartOfDay(ZoneOffset.UTC).toInstant();
        this.clock = new SimulatedClock(start);
        Map<String, String> environment = new HashMap<>(PointsInvariants.environment(FestivalSends.environment(
                ComplaintBurst.environment(ImportDay.environment(start), options.faults()))));
        environment.putAll(settings);
        this.functions = cloud.functions(clock, environment);
        String currency = functions.spec("MemberArchiveFunction").environment().getOrDefault("STORE_CURRENCY", "CNY");
        this.store = new SyntheticStore(options, currency);
        this.voice = options.platform().voice(cloud, functions, clock, currency, StoreEvents.SOURCE);
        this.operator = new OperatorActions(options, functions, clock, truth, cloud);
        this.agents = new CareAgents(cloud, functions, clock);
        this.followUps = new FollowUpAnswers(functions);
        this.journeys = new MailJourneys(cloud);
    }

    SyntheticStore store() {
        return store;
    }

    LocalFunctions functions() {
        return functions;
    }

    SimulatedClock clock() {
        return clock;
    }

    StoreVoice voice() {
        return voice;
    }

    OperatorActions operator() {
        return operator;
    }

    CareAgents agents() {
        return agents;
    }

    FollowUpAnswers followUps() {
        return followUps;
    }

    Outcome run() {
        long started = System.nanoTime();
        Instant start = clock.instant();
        Instant end = start.plus(Duration.ofDays(options.days()));
        ScheduledRuns scheduled = new ScheduledRuns(cloud, functions);
        Map<String, ScheduleExpression> schedules = scheduled.schedules();
        plan.addAll(CustomerMail.around(new PointsCheckouts(options, functions).around(store.plan()), options, cloud,
                agents));
        plan.addAll(operator.plan(store.members(), plan));
        voice.prepare(plan.stream().filter(p -> p instanceof Planned.Publish).map(p -> ((Planned.Publish) p).event())
                .toList());
        duplicates = store.duplicated();
        delayed = store.delayed();
        if (options.faults()) {
            plan.addAll(PoisonMessages.plan(cloud, start, end));
        }
        mailReadSince = System.currentTimeMillis() / 1000;
        Map<String, Instant> nextFiring = new HashMap<>();
        schedules.forEach((function, schedule) -> nextFiring.put(function, schedule.nextAfter(start.minusSeconds(1))));
        int lastDay = -1;
        Instant now = start;
        while (now.isBefore(end)) {
            Instant next = end;
            if (!plan.isEmpty() && plan.peek().at().isBefore(next)) {
                next = plan.peek().at();
            }
            for (Instant firing : nextFiring.values()) {
                next = firing.isBefore(next) ? firing : next;
            }
            Optional<Instant> sweep = scheduled.nextSweep(now);
            if (sweep.isPresent() && sweep.get().isBefore(next)) {
                next = sweep.get();
            }
            next = next.isBefore(now) ? now : next;
            // Everything of the same minute happens in one step, at its end: no event is ever from the future.
            Instant stepEnd = next.truncatedTo(ChronoUnit.MINUTES).plusSeconds(59);
            now = stepEnd.isAfter(end) ? end : stepEnd;
            if (!now.isBefore(end)) {
                break;
            }
            clock.set(now);
            List<Planned.Publish> publishing = new ArrayList<>();
            while (!plan.isEmpty() && !plan.peek().at().isAfter(now)) {
                Planned planned = plan.poll();
                if (planned instanceof Planned.Publish publish) {
                    publishing.add(publish); // published together, in order, before anything else happens
                    continue;
                }
                publish(publishing, now);
                publishing.clear();
                perform(planned, now);
            }
            publish(publishing, now);
            drain();
            for (Map.Entry<String, Instant> firing : nextFiring.entrySet()) {
                if (!firing.getValue().isAfter(now)) {
                    invoke(firing.getKey()); // within the minute of its firing
                    firing.setValue(schedules.get(firing.getKey()).nextAfter(now));
                    drain();
                }
            }
            if (sweep.isPresent() && !sweep.get().isAfter(now)) {
                sweepDue();
            }
            if (cloud.acceptedSendTimes().size() != mailAccepted) {
                readMail(now);
            }
            int day = (int) Duration.between(start, now).toDays();
            if (day != lastDay) {
                lastDay = day;
                progress(day, now, started);
            }
        }
        clock.set(end);
        drain();
        readMail(end);
        unrouted.addAll(voice.lost());
        voice.invocations().forEach((function, n) -> invocations.merge(function, n, Integer::sum));
        progress(options.days(), end, started);
        progress.println();
        return new Outcome(start, end, events, duplicates, delayed, unsubscribes, List.copyOf(poison), throttled,
                invocations, failedAttempts, invocationErrors, unrouted, truth, (System.nanoTime() - started) / 1e9);
    }

    private void sweepDue() {
        for (int runs = 0; runs < 1_000; runs++) {
            Map<?, ?> report = (Map<?, ?>) invoke(SWEEP);
            drain();
            if (!(Boolean) report.get("more")) {
                return;
            }
        }
        throw new IllegalStateException("the timer sweep reported more due timers 1,000 times in a row");
    }

    /** Events of the same minute, told together, as a producer's PutEvents or a platform's deliveries would. */
    private void publish(List<Planned.Publish> publishing, Instant now) {
        if (publishing.isEmpty()) {
            return;
        }
        StoreVoice.Told told = voice.tell(publishing.stream().map(Planned.Publish::event).toList(), now);
        unrouted.addAll(told.unrouted());
        told.events().forEach(event -> truth.published(event, now));
        events += told.events().size();
    }

    private void perform(Planned planned, Instant now) {
        switch (planned) {
            case Planned.Publish publish -> publish(List.of(publish), now);
            case Planned.Unsubscribe click -> {
                APIGatewayV2HTTPResponse response = functions.invokeUrl("UnsubscribeFunction", "POST", click.query(),
                        Map.of("content-type", "application/x-www-form-urlencoded"), "List-Unsubscribe=One-Click");
                count("UnsubscribeFunction");
                if (response.getStatusCode() == 200) {
                    truth.unsubscribed(voice.unsubscribed(click.customerId()), now);
                    unsubscribes++;
                }
            }
            case Planned.Poison message -> {
                String id = cloud.sqs().sendMessage(m -> m.queueUrl(cloud.queueUrl(message.queueLogicalId()))
                        .messageBody(message.body())).messageId();
                poison.add(new Poisoned(message.queueLogicalId(), message.name(), id));
            }
            case Planned.Call call -> invocations.merge(call.function(), call.calls().getAsInt(), Integer::sum);
            case Planned.Throttle throttle -> {
                cloud.throttleNextSends(throttle.sends());
                throttled += throttle.sends();
            }
        }
    }

    private Object invoke(String function) {
        count(function);
        return functions.invoke(function, new HashMap<String, Object>());
    }

    private void count(String function) {
        invocations.merge(function, 1, Integer::sum);
    }

    private void drain() {
        LocalFunctions.DrainReport report = functions.drainAll();
        report.invocations().forEach((function, n) -> invocations.merge(function, n, Integer::sum));
        report.failures().entrySet().stream().filter(failed -> failed.getValue() > 0)
                .forEach(failed -> failedAttempts.merge(failed.getKey(), failed.getValue(), Integer::sum));
        invocationErrors.addAll(report.invocationErrors());
    }

    /** The mail SES accepted since the last look; each member who got one may answer it. */
    private void readMail(Instant now) {
        long readAt = System.currentTimeMillis() / 1000;
        mailAccepted = cloud.acceptedSendTimes().size();
        List<SentMail> fresh = cloud.sentMailSince(mailReadSince - 2).stream()
                .filter(mail -> mailSeen.add(mail.messageId()))
                .sorted(Comparator.comparing((SentMail m) -> String.join(",", m.to())).thenComparing(SentMail::subject))
                .toList();
        mailReadSince = readAt;
        for (SentMail mail : fresh) {
            Optional<MailJourneys.Sent> journey = mail.to().isEmpty() ? Optional.empty()
                    : store.memberByEmail(mail.to().getFirst()).flatMap(member -> journeys.of(member.id(),
                            mail.messageId()));
            plan.addAll(store.answer(mail, voice.cartIn(mail.html()), journey, now));
            plan.addAll(followUps.answer(mail, now));
        }
    }

    private void progress(int day, Instant now, long started) {
        if (day % 5 != 0 && day != options.days()) {
            return;
        }
        progress.printf("  day %3d/%d  %s  events %,7d  mail %,6d  sweeps %,6d  %5.0f s%n", day, options.days(),
                now.atOffset(ZoneOffset.UTC).toLocalDate(), events, mailSeen.size(),
                invocations.getOrDefault(SWEEP, 0), (System.nanoTime() - started) / 1e9);
    }
}
