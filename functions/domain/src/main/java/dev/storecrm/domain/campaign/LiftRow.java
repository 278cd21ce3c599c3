package dev.storecrm.domain.campaign;

import java.util.Optional;

/**
 * One line of the lift report: a cell's counts and what {@link Lift} makes of them. The treated are the members
 * assigned to get the step's message (sent, or skipped at send time: intention to treat), the held out those
 * assigned to the holdout. Incremental conversions and revenue are the per-member differences (treated minus held
 * out) times the treated members, with their 95 % intervals; empty
 * where a group is too small for its interval (conversions need one member in each group, revenue two). ROI is
 * {@code (incremental revenue x margin - costs) / costs}; empty without costs or without a revenue estimate.
 *
 * @param sendCostMinor fractions of a minor unit are kept (a mail costs less than a fen)
 */
public record LiftRow(LiftCell cell, LiftTally tally, double sendCostMinor,
                      Optional<Lift.Interval> incrementalConversions, Optional<Lift.Interval> incrementalRevenueMinor,
                      Optional<Double> returnOnInvestment) {

    /** The row of a cell's tally, priced. */
    public static LiftRow of(LiftCell cell, LiftTally tally, LiftPricing pricing) {
        Lift.Group treated = group(tally.assignedToSend(), tally.treated());
        Lift.Group held = group(tally.heldOut(), tally.held());
        Optional<Lift.Interval> conversions = treated.members() > 0 && held.members() > 0
                ? Optional.of(Lift.conversionDifference(treated, held).times(treated.members()))
                : Optional.empty();
        Optional<Lift.Interval> revenue = treated.members() > 1 && held.members() > 1
                ? Optional.of(Lift.revenueDifference(treated, held).times(treated.members()))
                : Optional.empty();
        double sendCost = pricing.sendCostMinor(tally);
        double costs = sendCost + tally.couponCostMinor();
        Optional<Double> roi = revenue.flatMap(r -> Lift.returnOnInvestment(r.estimate(),
                pricing.margin().doubleValue(), costs));
        return new LiftRow(cell, tally, sendCost, conversions, revenue, roi);
    }

    private static Lift.Group group(long members, LiftTally.Arm arm) {
        return new Lift.Group(members, arm.converters(), arm.revenueMinor(),
                arm.revenueSquares().doubleValue());
    }
}
