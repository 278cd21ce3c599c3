package dev.storecrm.benchmarks;

import dev.storecrm.localcloud.Template;
import dev.storecrm.simulation.StoreBill;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code ./dev bench cost}: the monthly AWS bill of a store at 10,000, 100,000 and 1,000,000
 * members, projected from the fixed and per-member rates of one simulated run; then, if asked, a
 * larger run measured and set against its projection.
 */
final class CostBenchmark {

    private static final List<Long> SIZES = List.of(10_000L, 100_000L, 1_000_000L);
    private static final LocalDate START = LocalDate.of(2027, 1, 4);

    private CostBenchmark() {}

    static void run(Options options) {
        int members = options.integer("members", 1000);
        int days = options.integer("days", 30);
        int check = options.integer("check", 0);
        System.out.printf("Cost benchmark: a simulated store of %,d members over %d days from %s, priced with"
                + " infra/simulation's aws-prices.csv (us-east-1; free tiers left out)%n", members, days, START);
        StoreBill.Measured measured = measure(members, days);
        System.out.println();
        System.out.print(measured.bill().render());
        System.out.println();
        System.out.println("What the store did per member and month (the projection assumes these stay the same):");
        measured.perMemberMonth().forEach((what, rate) -> System.out.printf("  %-44s %8.3f%n", what, rate));
        System.out.println();
        System.out.printf("%14s %16s %20s%n", "members", "USD a month", "USD per member");
        for (long size : SIZES) {
            BigDecimal month = measured.bill().projectMonthly(size);
            System.out.printf("%,14d %16s %20s%n", size, month.setScale(2, RoundingMode.HALF_UP).toPlainString(),
                    month.divide(BigDecimal.valueOf(size), 6, RoundingMode.HALF_UP).toPlainString());
        }
        if (check > 0) {
            BigDecimal projected = measured.bill().projectMonthly(check);
            StoreBill.Measured larger = measure(check, days);
            BigDecimal actual = larger.bill().monthly();
            System.out.printf("%nCheck: %,d members projected at %s USD a month, measured %s USD: %+.1f%%%n", check,
                    projected.setScale(2, RoundingMode.HALF_UP).toPlainString(),
                    actual.setScale(2, RoundingMode.HALF_UP).toPlainString(),
                    100 * (projected.doubleValue() - actual.doubleValue()) / actual.doubleValue());
            System.out.print(larger.bill().render());
        }
    }

    private static StoreBill.Measured measure(int members, int days) {
        Path work = Template.projectRoot().resolve("infra/benchmarks/target/bench/cost/" + members);
        long started = System.nanoTime();
        StoreBill.Measured measured = StoreBill.measure(members, days, START, work.resolve("mail"), System.out);
        System.out.printf("  %,d members simulated in %.0f s%n", members, (System.nanoTime() - started) / 1e9);
        return measured;
    }
}
