package dev.storecrm.benchmarks;

import java.util.Arrays;
import java.util.List;

/** Entry point of {@code ./dev bench <name> [options]}. */
public final class Benchmarks {

    private Benchmarks() {}

    public static void main(String[] args) throws Exception {
        try {
            run(args); // each benchmark closes its local cloud (the emulators) however it ends
        } catch (RuntimeException | Error failure) {
            System.err.println("benchmark failed: " + failure);
            failure.printStackTrace();
            // The emulators' leftover non-daemon threads (DynamoDB Local's) would keep the JVM alive.
            System.exit(1);
        }
        // DynamoDB Local leaves a non-daemon thread behind that would keep the JVM alive for minutes.
        System.exit(0);
    }

    static void run(String[] args) {
        List<String> options = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        String name = args.length == 0 || options.contains("--help") || options.contains("-h") ? "help" : args[0];
        switch (name) {
            case "capacity" -> MemberArchiveCapacityBenchmark.run(Options.parse(options));
            case "sender" -> SenderBenchmark.run(Options.parse(options));
            case "greetings" -> GreetingsBenchmark.run(Options.parse(options));
            case "win-back" -> WinBackBenchmark.run(Options.parse(options));
            case "carts" -> CartRecoveryBenchmark.run(Options.parse(options));
            case "disputes" -> DisputeBenchmark.run(Options.parse(options));
            case "points" -> PointsBenchmark.run(Options.parse(options));
            case "adapters" -> AdapterBenchmark.run(Options.parse(options));
            case "coldstart" -> ColdStartBenchmark.run(Options.parse(options));
            case "cost" -> CostBenchmark.run(Options.parse(options));
            case "lift" -> LiftBenchmark.run(Options.parse(options));
            default -> System.out.println("""
                    usage: ./dev bench <name> [options]
                      capacity [--members M] [--orders N] [--history H] [--seed S]
                          member and order events through MemberArchiveFunction against DynamoDB Local, then payments
                          of one member with H past orders (10,000); prints read and write units per event (by table
                          and index) and events per second
                      sender [--messages N] [--rate R] [--members M] [--instances K]
                          N message requests through K SenderFunction instances into the SES emulator, paced to R
                          per second; prints messages per second, the busiest second, and capacity units per message
                      greetings [--members N,N...]
                          members with birthdays spread over the year; one day of hourly greeting runs for each
                          size; prints the read units of that day's runs against the birthdays that day,
                          and of the month's birthday list
                      win-back [--members N,N...]
                          members whose last order is spread over 14 months, with their win-back timers; one day of
                          the every-minute sweep and WinBackFunction; prints units against the members crossing a step
                      carts [--carts N] [--members M] [--minutes K] [--threads T]
                          N open carts through CartRecoveryFunction, reminders due over a day; K minute sweeps in three
                          windows of it; prints per minute the timers due, sweep and cart-function read units, lag
                      disputes [--disputes N]
                          N disputes opened, chased (one reminder each), negotiated, resolved and resolved again
                          (duplicates) through DisputeFunction; prints per phase events per second and capacity
                          units
                      points [--members N,N...] [--checkouts C]
                          C reservations and confirmations through PointsRedemptionFunction's signed URL (units per
                          call); then members whose points expire over a year, with their points timers: one day of
                          the sweep and LoyaltyFunction when a month's points expire and one when none do
                      adapters [--events N]
                          N payloads of each platform topic (Shopify, Stripe, WooCommerce, the signed webhook)
                          through its adapter; prints per topic events per second (relative), canonical events
                          and PutEvents calls per platform event, and the adapter's read and write units per
                          platform event
                      coldstart [--runs N] [--functions A,B] [--members M] [--days D]
                          each function's deployable jar (./dev package first) in N fresh JVMs under Lambda's own
                          runtime client, with its template environment pointed at the local cloud, handling the
                          last event it handled in a short simulated store; prints min and median seconds to the
                          answer, the init, the ratio to a one-GetItem baseline run alike, classes loaded, jar size
                      cost [--members M] [--days D] [--check C]
                          a simulated store of M members (1000) over D days (30), priced with the simulation's price
                          table; projects the monthly AWS bill for 10,000, 100,000 and 1,000,000 members from its
                          fixed and per-member rates; with --check, runs C members alike and reports the difference
                      lift [--members M] [--days D] [--holdout P] [--effects journey=points,...] [--seed S]
                          a quiet store of M members (2000) over D days (120), P % (50) of every journey held out,
                          its members answering each journey's mail with a planted effect (docs/campaigns.md); prints
                          per journey the planted effect beside the lift report's estimate and 95 % interval, and
                          fails if an interval misses it or a journey with an effect has no held-out members""");
        }
    }
}
