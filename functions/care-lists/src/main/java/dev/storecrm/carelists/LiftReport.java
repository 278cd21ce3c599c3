package dev.storecrm.carelists;

import dev.storecrm.domain.campaign.Lift;
import dev.storecrm.domain.campaign.LiftBook;
import dev.storecrm.domain.campaign.LiftCell;
import dev.storecrm.domain.campaign.LiftPricing;
import dev.storecrm.domain.campaign.LiftRow;
import dev.storecrm.domain.campaign.LiftTally;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lift report (docs/campaigns.md, "The lift report"): per journey, step, variant and ISO week of the
 * assignment, the eligible, sent, skipped and held-out members, each group's converters and net revenue, coupon and
 * send cost, incremental conversions and revenue with their 95 % intervals, and ROI. Money in minor units of the
 * store currency. One query per week, at most {@value #MAX_WEEKS} weeks, whatever the number of members.
 * {@code by} pools the cells of the period before the statistics: {@code cell} (each week apart, the default),
 * {@code line} (journey, step and variant), {@code step} (journey and step: a broadcast's campaign) or
 * {@code journey}; a pooled part reads {@code all} and the period {@code 2026-W46/2026-W49}.
 */
final class LiftReport {

    static final int MAX_WEEKS = 13;
    static final List<String> COLUMNS = List.of("journey", "step", "variant", "period", "eligible", "sent", "skipped",
            "heldOut", "treatedConverters", "heldOutConverters", "treatedRevenue", "heldOutRevenue", "couponCost",
            "sendCost", "incrementalConversions", "incrementalConversionsLow", "incrementalConversionsHigh",
            "incrementalRevenue", "incrementalRevenueLow", "incrementalRevenueHigh", "roi");
    private static final String ALL = "all";
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final DateTimeFormatter ISO_WEEK = DateTimeFormatter.ISO_WEEK_DATE;

    private final LiftBook book;
    private final LiftPricing pricing;

    LiftReport(LiftBook book, LiftPricing pricing) {
        this.book = book;
        this.pricing = pricing;
    }

    /** How far a report pools its cells. */
    enum Pooling { CELL, LINE, STEP, JOURNEY }

    /** The weeks {@code from} to {@code to} ({@code 2026-W49}); {@code to} defaults to this week in the store. */
    Table weeks(Optional<String> from, Optional<String> to, Optional<String> by, LocalDate today) {
        LocalDate last = to.map(LiftReport::monday).orElse(today.with(DayOfWeek.MONDAY));
        LocalDate first = from.map(LiftReport::monday).orElse(last.minusWeeks(3));
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("'to' is before 'from'");
        }
        if (first.plusWeeks(MAX_WEEKS).isBefore(last.plusWeeks(1))) {
            throw new IllegalArgumentException("the lift report covers at most " + MAX_WEEKS + " weeks");
        }
        Pooling pooling = pooling(by);
        String period = LiftCell.periodOf(first) + "/" + LiftCell.periodOf(last);
        Map<LiftCell, LiftTally> pooled = new LinkedHashMap<>();
        for (LocalDate week = first; !week.isAfter(last); week = week.plusWeeks(1)) {
            for (Map.Entry<LiftCell, LiftTally> cell : book.period(LiftCell.periodOf(week)).entrySet()) {
                pooled.merge(pool(cell.getKey(), pooling, period), cell.getValue(), LiftTally::plus);
            }
        }
        Table table = new Table(COLUMNS);
        pooled.forEach((cell, tally) -> table.add(row(LiftRow.of(cell, tally, pricing))));
        return table;
    }

    private static Pooling pooling(Optional<String> by) {
        String name = by.map(String::trim).orElse("cell");
        return switch (name) {
            case "cell" -> Pooling.CELL;
            case "line" -> Pooling.LINE;
            case "step" -> Pooling.STEP;
            case "journey" -> Pooling.JOURNEY;
            default -> throw new IllegalArgumentException("by is cell, line, step or journey, not '" + name + "'");
        };
    }

    private static LiftCell pool(LiftCell cell, Pooling pooling, String period) {
        return switch (pooling) {
            case CELL -> cell;
            case LINE -> new LiftCell(cell.journey(), cell.step(), cell.variant(), period);
            case STEP -> new LiftCell(cell.journey(), cell.step(), ALL, period);
            case JOURNEY -> new LiftCell(cell.journey(), ALL, ALL, period);
        };
    }

    private static List<String> row(LiftRow row) {
        LiftTally t = row.tally();
        List<String> cells = new ArrayList<>(List.of(row.cell().journey(), row.cell().step(), row.cell().variant(),
                row.cell().period(), Long.toString(t.eligible()), Long.toString(t.sent()), Long.toString(t.skipped()),
                Long.toString(t.heldOut()), Long.toString(t.treated().converters()),
                Long.toString(t.held().converters()), Long.toString(t.treated().revenueMinor()),
                Long.toString(t.held().revenueMinor()), Long.toString(t.couponCostMinor()),
                decimal(row.sendCostMinor())));
        interval(cells, row.incrementalConversions());
        interval(cells, row.incrementalRevenueMinor());
        cells.add(row.returnOnInvestment().map(LiftReport::decimal).orElse(""));
        return cells;
    }

    private static void interval(List<String> cells, Optional<Lift.Interval> interval) {
        cells.add(interval.map(i -> decimal(i.estimate())).orElse(""));
        cells.add(interval.map(i -> decimal(i.low())).orElse(""));
        cells.add(interval.map(i -> decimal(i.high())).orElse(""));
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static LocalDate monday(String week) {
        Matcher m = WEEK.matcher(week.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("a week is written 2026-W49 (ISO), not '" + week + "'");
        }
        try {
            return LocalDate.parse(m.group(1) + "-W" + m.group(2) + "-1", ISO_WEEK);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("no such ISO week: " + week);
        }
    }
}
