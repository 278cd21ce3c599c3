package dev.storecrm.domain.member;

import dev.storecrm.domain.time.Festival;
import dev.storecrm.domain.time.LunarCalendar;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The store's member days (会员日): recurring days on which orders paid, by the store's local date, earn their
 * points times the multiplier of the member's tier. Written as the template parameter {@code MemberDays}, entries
 * separated by {@code ;}: {@code day=RULE} (one or more) and {@code TIER=MULTIPLIER} (tiers not named earn 1),
 * e.g. {@code day=date:*-18;VIP1=1.5;VIP2=2;VIP3=2}.
 *
 * <p>A rule is a festival rule ({@link Festival}), in which the month may be {@code *} for every month:
 * {@code date:*-18} (the 18th; in a shorter month a day past its end falls on its last day),
 * {@code weekday:*:1:friday} (every first Friday), {@code weekday:*:last:saturday}, each with an optional offset
 * ({@code weekday:*:1:friday +1d}); a rule without {@code *} is a yearly day ({@code date:09-18},
 * {@code lunar:6-18}).
 *
 * <p>The tier is the one the member held at the start of the member day's month (local midnight of its first day,
 * in the store's time zone), so that what a member day pays does not depend on what else the member bought that
 * month, nor on the order in which the store's events arrive.
 *
 * @param days        the rules, as written
 * @param multipliers tier name to multiplier (1 to 10, at most two decimals); tiers not named earn 1
 */
public record MemberDays(List<String> days, Map<String, BigDecimal> multipliers, ZoneId storeZone) {

    /** No member days. */
    public static final MemberDays NONE = new MemberDays(List.of(), Map.of(), ZoneOffset.UTC);

    private static final Pattern MONTHLY_DATE = Pattern.compile("date:\\*-(\\d{1,2})(\\s+[+-]\\d{1,2}d)?");
    private static final BigDecimal MAX = BigDecimal.TEN;
    private static final LunarCalendar LUNAR = LunarCalendar.standard();

    public MemberDays {
        days = List.copyOf(days);
        multipliers = Map.copyOf(multipliers);
        Objects.requireNonNull(storeZone, "storeZone");
    }

    /**
     * The member days of the parameter's text ({@code ""} for none), with every rule and tier checked against the
     * store's tier ladder, so that a mistake stops the function's start with its entry named.
     */
    public static MemberDays parse(String text, TierLadder tiers, ZoneId storeZone) {
        if (text == null || text.isBlank()) {
            return new MemberDays(List.of(), Map.of(), storeZone);
        }
        List<String> days = new ArrayList<>();
        Map<String, BigDecimal> multipliers = new LinkedHashMap<>();
        for (String raw : text.split(";")) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int equals = entry.indexOf('=');
            String key = equals < 0 ? "" : entry.substring(0, equals).strip();
            String value = equals < 0 ? "" : entry.substring(equals + 1).strip();
            if (key.isEmpty() || value.isEmpty()) {
                throw refused(entry, "an entry is day=RULE or TIER=MULTIPLIER, e.g. day=date:*-18;VIP2=2");
            }
            if (key.equals("day")) {
                check(value, entry);
                days.add(value.toLowerCase(Locale.ROOT));
            } else {
                if (tiers.rankOf(key).isEmpty()) {
                    throw refused(entry, key + " is not a tier of the store (" + tierNames(tiers) + ")");
                }
                if (multipliers.put(key, multiplier(value, entry)) != null) {
                    throw refused(entry, key + " is given twice");
                }
            }
        }
        if (days.isEmpty() && !multipliers.isEmpty()) {
            throw new IllegalArgumentException("MemberDays names multipliers but no day=RULE");
        }
        return new MemberDays(days, multipliers, storeZone);
    }

    /** Whether member days can pay anything: a day and a multiplier above 1. */
    public boolean active() {
        return !days.isEmpty() && multipliers.values().stream().anyMatch(m -> m.compareTo(BigDecimal.ONE) > 0);
    }

    /** Whether {@code day} (a local date of the store) is a member day. */
    public boolean isMemberDay(LocalDate day) {
        for (String rule : days) {
            if (monthly(rule)) {
                YearMonth month = YearMonth.from(day);
                for (int i = -4; i <= 4; i++) {
                    if (dateIn(rule, month.plusMonths(i)).equals(day)) {
                        return true;
                    }
                }
            } else {
                for (int year = day.getYear() - 1; year <= day.getYear() + 1; year++) {
                    if (new Festival("member-day", rule, "会员日", "member day").in(year, LUNAR).equals(day)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The member days from {@code from} to {@code to}, both included. */
    public List<LocalDate> between(LocalDate from, LocalDate to) {
        return from.datesUntil(to.plusDays(1)).filter(this::isMemberDay).toList();
    }

    /**
     * The multiplier of an order paid at {@code paidAt}: the tier's on a member day of the store's calendar, else 1.
     * {@code tierAt} names the tier held at a moment (asked for the start of the member day's month only).
     */
    public BigDecimal multiplierAt(Instant paidAt, Function<Instant, String> tierAt) {
        if (!active()) {
            return BigDecimal.ONE;
        }
        LocalDate day = paidAt.atZone(storeZone).toLocalDate();
        if (!isMemberDay(day)) {
            return BigDecimal.ONE;
        }
        return multipliers.getOrDefault(tierAt.apply(monthStart(paidAt)), BigDecimal.ONE);
    }

    /** The first moment of the store-local month after the one {@code at} falls in. */
    public Instant nextMonthStart(Instant at) {
        return at.atZone(storeZone).toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay(storeZone).toInstant();
    }

    private Instant monthStart(Instant at) {
        return at.atZone(storeZone).toLocalDate().withDayOfMonth(1).atStartOfDay(storeZone).toInstant();
    }

    private static boolean monthly(String rule) {
        return rule.contains("*");
    }

    /** A monthly rule's date in {@code month}: the rule with the month written in, through {@link Festival}. */
    private static LocalDate dateIn(String rule, YearMonth month) {
        Matcher date = MONTHLY_DATE.matcher(rule);
        String concrete;
        if (date.matches()) {
            int day = Math.min(Integer.parseInt(date.group(1)), month.lengthOfMonth());
            concrete = String.format(Locale.ROOT, "date:%02d-%02d%s", month.getMonthValue(), day,
                    date.group(2) == null ? "" : date.group(2));
        } else {
            concrete = rule.replaceFirst("^weekday:\\*:", "weekday:" + month.getMonthValue() + ":");
        }
        return new Festival("member-day", concrete, "会员日", "member day").in(month.getYear(), LUNAR);
    }

    private static void check(String rule, String entry) {
        String lower = rule.toLowerCase(Locale.ROOT);
        try {
            if (monthly(lower)) {
                Matcher date = MONTHLY_DATE.matcher(lower);
                if (date.matches() && (Integer.parseInt(date.group(1)) < 1 || Integer.parseInt(date.group(1)) > 31)) {
                    throw new IllegalArgumentException("a day of the month is 1 to 31");
                }
                if (!date.matches() && !lower.startsWith("weekday:*:")) {
                    throw new IllegalArgumentException("every month (*) is date:*-DD or weekday:*:N:DAY");
                }
                for (int m = 1; m <= 12; m++) {
                    dateIn(lower, YearMonth.of(2028, m));
                }
            } else {
                new Festival("member-day", lower, "会员日", "member day");
            }
        } catch (IllegalArgumentException e) {
            throw refused(entry, e.getMessage().replaceFirst("^festival member-day \\([^)]*\\): ", ""));
        }
    }

    private static BigDecimal multiplier(String value, String entry) {
        try {
            BigDecimal multiplier = new BigDecimal(value);
            if (multiplier.compareTo(BigDecimal.ONE) >= 0 && multiplier.compareTo(MAX) <= 0
                    && multiplier.stripTrailingZeros().scale() <= 2) {
                return multiplier.stripTrailingZeros();
            }
        } catch (NumberFormatException e) {
            // refused below, with the entry named
        }
        throw refused(entry, "a multiplier is a number from 1 to 10 with at most two decimals, e.g. 1.5");
    }

    private static String tierNames(TierLadder tiers) {
        List<String> names = new ArrayList<>(List.of(tiers.baseTier()));
        tiers.levels().forEach(level -> names.add(level.name()));
        return String.join(", ", names);
    }

    private static IllegalArgumentException refused(String entry, String why) {
        return new IllegalArgumentException("MemberDays entry " + entry + ": " + why);
    }
}
