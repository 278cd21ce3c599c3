package dev.storecrm.domain.campaign;

import java.util.Optional;

/**
 * What a journey's mail did beyond what its members would have done anyway: the treated group (assigned to get
 * the mail) against the holdout group, each as members, converters and per-member revenue, with 95 % intervals
 * (docs/campaigns.md#the-statistics):
 *
 * <ul>
 *   <li>conversion: the difference of two independent proportions, with Newcombe's hybrid score interval
 *       (Newcombe 1998, method 10: from the two Wilson score intervals), which stays inside [-1, 1] and keeps
 *       its coverage with few conversions, where the simple normal (Wald) interval does not;</li>
 *   <li>revenue: the difference of the per-member means (every member counts, converted or not, with revenue
 *       net of refunds), with Welch's standard error and Student's t at Welch-Satterthwaite degrees of freedom
 *       (no assumption that the two groups vary alike);</li>
 *   <li>incremental conversions and revenue: the per-member differences times the treated members;</li>
 *   <li>return on investment: (incremental revenue x margin - costs) / costs, costs being coupon cost plus send
 *       cost.</li>
 * </ul>
 * These are estimates, so they are doubles (money totals stay in minor units elsewhere).
 */
public final class Lift {

    /** The two-sided 95 % normal quantile. */
    static final double Z = 1.959963984540054;

    private Lift() {}

    /** An estimate with its 95 % interval. */
    public record Interval(double estimate, double low, double high) {

        /** The interval scaled (a per-member difference times the treated members). */
        public Interval times(double factor) {
            return new Interval(estimate * factor, low * factor, high * factor);
        }
    }

    /**
     * One group's figures: members, converters, and the sum and sum of squares of per-member revenue (minor
     * units, net of refunds; a member without an order counts 0).
     */
    public record Group(long members, long converters, double revenue, double revenueSquares) {
        public Group {
            if (members < 0 || converters < 0 || converters > members) {
                throw new IllegalArgumentException("converters must be between 0 and the members");
            }
        }

        double mean() {
            return members == 0 ? 0 : revenue / members;
        }

        /** The sample variance of per-member revenue. */
        double variance() {
            return members < 2 ? 0 : Math.max(0, (revenueSquares - revenue * revenue / members) / (members - 1));
        }
    }

    /** The Wilson score interval of a proportion. */
    public static Interval wilson(long successes, long n) {
        if (n <= 0) {
            throw new IllegalArgumentException("a proportion needs at least one member");
        }
        double p = (double) successes / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2.0 * n)) / (1 + z2 / n);
        double half = Z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new Interval(p, Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** The difference of conversion rates, treated minus held out, with Newcombe's hybrid score interval. */
    public static Interval conversionDifference(Group treated, Group heldOut) {
        Interval a = wilson(treated.converters(), treated.members());
        Interval b = wilson(heldOut.converters(), heldOut.members());
        double d = a.estimate() - b.estimate();
        return new Interval(d, d - Math.hypot(a.estimate() - a.low(), b.high() - b.estimate()),
                d + Math.hypot(a.high() - a.estimate(), b.estimate() - b.low()));
    }

    /** The difference of per-member revenue, treated minus held out, with Welch's interval. */
    public static Interval revenueDifference(Group treated, Group heldOut) {
        if (treated.members() < 2 || heldOut.members() < 2) {
            throw new IllegalArgumentException("Welch's interval needs at least two members in each group");
        }
        double d = treated.mean() - heldOut.mean();
        double va = treated.variance() / treated.members();
        double vb = heldOut.variance() / heldOut.members();
        double se = Math.sqrt(va + vb);
        if (se == 0) {
            return new Interval(d, d, d);
        }
        double t = tQuantile975(welchDegreesOfFreedom(treated, heldOut));
        return new Interval(d, d - t * se, d + t * se);
    }

    /** Welch-Satterthwaite degrees of freedom. */
    static double welchDegreesOfFreedom(Group a, Group b) {
        double va = a.variance() / a.members();
        double vb = b.variance() / b.members();
        return (va + vb) * (va + vb) / (va * va / (a.members() - 1) + vb * vb / (b.members() - 1));
    }

    /** (incremental revenue x margin - costs) / costs; empty when nothing was spent. */
    public static Optional<Double> returnOnInvestment(double incrementalRevenue, double margin, double costs) {
        return costs <= 0 ? Optional.empty() : Optional.of((incrementalRevenue * margin - costs) / costs);
    }

    /** Student's t quantile at 0.975 for {@code df} degrees of freedom (bisection on the distribution function). */
    static double tQuantile975(double df) {
        if (!(df > 0)) {
            throw new IllegalArgumentException("degrees of freedom must be positive");
        }
        if (df > 1e7) {
            return Z;
        }
        double low = 0;
        double high = 1_000;
        for (int i = 0; i < 200; i++) {
            double mid = (low + high) / 2;
            if (upperTail(mid, df) > 0.025) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return (low + high) / 2;
    }

    /** P(T > t) for t >= 0: half the regularized incomplete beta I_x(df/2, 1/2) at x = df / (df + t^2). */
    private static double upperTail(double t, double df) {
        return 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5);
    }

    /** I_x(a, b) by its continued fraction (Lentz's method). */
    private static double regularizedBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
        if (x > (a + 1) / (a + b + 2)) {
            return 1 - front * fraction(1 - x, b, a) / b;
        }
        return front * fraction(x, a, b) / a;
    }

    private static double fraction(double x, double a, double b) {
        double tiny = 1e-300;
        double c = 1;
        double d = 1 - (a + b) * x / (a + 1);
        d = 1 / (Math.abs(d) < tiny ? tiny : d);
        double h = d;
        for (int m = 1; m <= 500; m++) {
            int m2 = 2 * m;
            double even = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 / nonZero(1 + even * d, tiny);
            c = nonZero(1 + even / c, tiny);
            h *= d * c;
            double odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 / nonZero(1 + odd * d, tiny);
            c = nonZero(1 + odd / c, tiny);
            double step = d * c;
            h *= step;
            if (Math.abs(step - 1) < 1e-15) {
                break;
            }
        }
        return h;
    }

    private static double nonZero(double value, double tiny) {
        return Math.abs(value) < tiny ? tiny : value;
    }

    /** ln Gamma(x) for x > 0 (Lanczos, g = 7, n = 9). */
    static double logGamma(double x) {
        double[] c = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7};
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double xx = x - 1;
        double sum = c[0];
        for (int i = 1; i < c.length; i++) {
            sum += c[i] / (xx + i);
        }
        double t = xx + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (xx + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
