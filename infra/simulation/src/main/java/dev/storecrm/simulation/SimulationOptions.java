package dev.storecrm.simulation;

import dev.storecrm.simulation.platform.Platform;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * How the store simulation runs: the size of the membership, the simulated period, the seed that
 * makes a run repeatable, whether faults are injected, and where the mail folder goes.
 *
 * @param start    the first simulated day (UTC); the default period crosses 28 February of a common
 *                 year (29 February birthdays) and the spring daylight saving changes of Europe and
 *                 the Americas
 * @param platform how the store speaks: canonical events, or a platform's payloads through its adapter
 * @param effects  what each journey's mail adds to its members' buying ({@link PlantedEffects})
 */
public record SimulationOptions(int members, int days, long seed, boolean faults, LocalDate start, Path output,
                                Platform platform, PlantedEffects effects) {

    public static final String USAGE = """
            usage: ./dev run [--members N] [--days D] [--seed S] [--faults] [--start YYYY-MM-DD] [--out DIR]
                             [--platform shopify|stripe|woocommerce] [--effects JOURNEY=POINTS,...]
              Simulates a store through the real handlers in the local cloud (DynamoDB Local, ElasticMQ and the
              SES emulator, provisioned from template.yaml): the store goes live when the run starts and imports
              its past then; a synthetic membership orders, abandons carts, opens disputes and unsubscribes
              over the period; the scheduled functions fire as template.yaml's schedules say; a simulated
              clock makes days take seconds. Prints a report and checks the whole-system invariants (exit
              status 1 if one is broken or anything was lost).
              --members N   members in the store (default 1000)
              --days D      simulated days (default 90)
              --seed S      random seed; the same seed gives the same run (default 20270104)
              --faults      inject duplicated and reordered events, poison messages and SES throttling
              --start DATE  first simulated day, when the store goes live (default 2027-01-04)
              --out DIR     where the e-mails are written as HTML (default target/simulation)
              --platform P  the store speaks through a platform's adapter instead of canonical events:
                            shopify (webhooks on the partner event bus), stripe (event destination events)
                            or woocommerce (signed webhooks to the adapter's function URL); what the
                            platform has no place for comes from the store's backend through the signed
                            webhook (docs/adapters.md, "The simulation on a platform")
              --effects E   what a journey's e-mail adds to its members' chance of a paid order within the
                            attribution window, in percentage points (docs/campaigns.md, "The planted
                            effects"); default cart=15,win-back=10,points-expiry=5,broadcast=5 and none for
                            birthday, anniversary and order-feedback; names given replace those
            ./dev run --samples
              Runs the sample events of events/ instead and prints the member archive they build.""";

    /** The canonical store (the default). */
    public SimulationOptions(int members, int days, long seed, boolean faults, LocalDate start, Path output) {
        this(members, days, seed, faults, start, output, Platform.CANONICAL);
    }

    /** The store on a platform, with the default planted effects. */
    public SimulationOptions(int members, int days, long seed, boolean faults, LocalDate start, Path output,
                             Platform platform) {
        this(members, days, seed, faults, start, output, platform, PlantedEffects.defaults());
    }

    /** These options with other planted effects. */
    public SimulationOptions withEffects(PlantedEffects other) {
        return new SimulationOptions(members, days, seed, faults, start, output, platform, other);
    }

    public SimulationOptions {
        if (members < 1) {
            throw new IllegalArgumentException("--members must be at least 1");
        }
        if (days < 1 || days > 3660) {
            throw new IllegalArgumentException("--days must be between 1 and 3660");
        }
    }

    public static SimulationOptions defaults(Path output) {
        return new SimulationOptions(1000, 90, 20270104L, false, LocalDate.of(2027, 1, 4), output);
    }

    /** Parses the command line; an unknown or malformed option is an IllegalArgumentException saying which. */
    public static SimulationOptions parse(List<String> args, Path defaultOutput) {
        SimulationOptions options = defaults(defaultOutput);
        int members = options.members();
        int days = options.days();
        long seed = options.seed();
        boolean faults = false;
        LocalDate start = options.start();
        Path output = options.output();
        Platform platform = Platform.CANONICAL;
        PlantedEffects effects = options.effects();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--faults" -> faults = true;
                case "--members" -> members = integer(arg, value(args, ++i, arg));
                case "--days" -> days = integer(arg, value(args, ++i, arg));
                case "--seed" -> seed = Long.parseLong(value(args, ++i, arg));
                case "--start" -> start = LocalDate.parse(value(args, ++i, arg));
                case "--out" -> output = Path.of(value(args, ++i, arg));
                case "--platform" -> platform = Platform.parse(value(args, ++i, arg));
                case "--effects" -> effects = PlantedEffects.parse(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown option " + arg + " (see ./dev run --help)");
            }
        }
        return new SimulationOptions(members, days, seed, faults, start, output, platform, effects);
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, not '" + value + "'");
        }
    }
}
