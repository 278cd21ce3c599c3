package dev.storecrm.domain.rfm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Segments as data: named rules, each a list of conditions that must all hold, written
 * {@code name: condition condition ...} and separated by new lines or {@code ;}. Conditions:
 * <ul>
 *   <li>{@code R4-5}, {@code F1}, {@code M3-5}: a score, or a range of scores, 1 to 5;</li>
 *   <li>{@code orders}, {@code days} (since the last order), {@code spend} (minor units), {@code tier}
 *       (rank: 0 base, 1 the first tier above it) compared with {@code < <= = >= >} to a whole number;</li>
 *   <li>{@code coupons}: most of the latest orders used a coupon; {@code *}: always.</li>
 * </ul>
 * Segments ({@code exclusive}) are tried in order and the first match wins; the last must be {@code *}
 * so that every member with an order has one. Audiences are each matched on their own.
 */
public final class SegmentRules {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern SCORE = Pattern.compile("([RFM])([1-5])(?:-([1-5]))?");
    private static final Pattern COMPARE = Pattern.compile("(orders|days|spend|tier)(<=|>=|<|>|=)(\\d{1,15})");
    private static final int MAX_RULES = 20;

    /** One rule: a name and its conditions. */
    public record Rule(String name, List<Condition> conditions) {
        boolean matches(RfmScores scores, RfmInputs inputs, Instant now) {
            return conditions.stream().allMatch(c -> c.holds(scores, inputs, now));
        }
    }

    /** One condition, as written. */
    public record Condition(String text, char field, int low, int high, String quantity, String op, long value) {

        boolean holds(RfmScores scores, RfmInputs inputs, Instant now) {
            return switch (field) {
                case '*' -> true;
                case 'c' -> inputs.mostlyWithCoupons();
                case 'R' -> scores.r() >= low && scores.r() <= high;
                case 'F' -> scores.f() >= low && scores.f() <= high;
                case 'M' -> scores.m() >= low && scores.m() <= high;
                default -> compare(switch (quantity) {
                    case "orders" -> inputs.orders();
                    case "days" -> inputs.recencyDays(now);
                    case "spend" -> inputs.spendMinor();
                    default -> inputs.tierRank();
                });
            };
        }

        private boolean compare(long actual) {
            return switch (op) {
                case "<" -> actual < value;
                case "<=" -> actual <= value;
                case "=" -> actual == value;
                case ">=" -> actual >= value;
                default -> actual > value;
            };
        }

        /** The recency days at which this condition can change its answer (for {@code days} only). */
        List<Long> dayThresholds() {
            if (!"days".equals(quantity)) {
                return List.of();
            }
            return switch (op) {
                case "<", ">=" -> List.of(value);
                case "<=", ">" -> List.of(value + 1);
                default -> List.of(value, value + 1);
            };
        }
    }

    private final List<Rule> rules;
    private final boolean exclusive;

    private SegmentRules(List<Rule> rules, boolean exclusive) {
        this.rules = List.copyOf(rules);
        this.exclusive = exclusive;
    }

    public static SegmentRules defaultSegments() {
        return parse(resource("rfm/segments.txt"), "RFM_SEGMENTS", true);
    }

    public static SegmentRules defaultAudiences() {
        return parse(resource("rfm/audiences.txt"), "RFM_AUDIENCES", false);
    }

    /**
     * @param setting the parameter's name, for the error
     * @throws IllegalArgumentException naming the setting, the rule and what is wrong with it
     */
    public static SegmentRules parse(String text, String setting, boolean exclusive) {
        List<Rule> rules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<String> written = new ArrayList<>();
        for (String line : text.split("\\n")) {
            if (!line.strip().startsWith("#")) {
                written.addAll(List.of(line.split(";")));
            }
        }
        for (String line : written) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            String name = colon < 0 ? trimmed : trimmed.substring(0, colon).strip();
            if (colon < 0 || !NAME.matcher(name).matches()) {
                throw invalid(setting, "'" + trimmed + "' is not 'name: conditions' with a name of lower-case letters,"
                        + " digits and '-' (at most 40)");
            }
            if (!names.add(name)) {
                throw invalid(setting, "'" + name + "' is defined twice");
            }
            List<Condition> conditions = new ArrayList<>();
            for (String word : trimmed.substring(colon + 1).strip().split("\\s+")) {
                conditions.add(condition(setting, name, word));
            }
            rules.add(new Rule(name, conditions));
        }
        if (rules.isEmpty() || rules.size() > MAX_RULES) {
            throw invalid(setting, "needs 1 to " + MAX_RULES + " rules, has " + rules.size());
        }
        if (exclusive && !rules.getLast().conditions().equals(List.of(condition(setting, "", "*")))) {
            throw invalid(setting, "the last segment ('" + rules.getLast().name() + "') must be '*', so that every"
                    + " member with an order has a segment");
        }
        return new SegmentRules(rules, exclusive);
    }

    private static Condition condition(String setting, String rule, String word) {
        if (word.equals("*")) {
            return new Condition(word, '*', 0, 0, "", "", 0);
        }
        if (word.equals("coupons")) {
            return new Condition(word, 'c', 0, 0, "", "", 0);
        }
        Matcher score = SCORE.matcher(word);
        if (score.matches()) {
            int low = Integer.parseInt(score.group(2));
            int high = score.group(3) == null ? low : Integer.parseInt(score.group(3));
            if (low > high) {
                throw invalid(setting, "'" + rule + "': '" + word + "' is an empty range");
            }
            return new Condition(word, score.group(1).charAt(0), low, high, "", "", 0);
        }
        Matcher compare = COMPARE.matcher(word);
        if (compare.matches()) {
            return new Condition(word, 'q', 0, 0, compare.group(1), compare.group(2), Long.parseLong(compare.group(3)));
        }
        throw invalid(setting, "'" + rule + "': unknown condition '" + word + "' (use R, F or M with a score or range"
                + " such as R4-5; orders, days, spend or tier with <, <=, =, >= or > and a number; coupons; or *)");
    }

    private static IllegalArgumentException invalid(String setting, String what) {
        return new IllegalArgumentException(setting + ": " + what);
    }

    public List<String> names() {
        return rules.stream().map(Rule::name).toList();
    }

    /** The first segment that matches (for segments), or every audience that matches (for audiences). */
    public List<String> matching(RfmScores scores, RfmInputs inputs, Instant now) {
        List<String> matched = new ArrayList<>();
        for (Rule rule : rules) {
            if (rule.matches(scores, inputs, now)) {
                matched.add(rule.name());
                if (exclusive) {
                    break;
                }
            }
        }
        return matched;
    }

    /** The next moment after {@code now} when a {@code days} condition can change its answer for this member. */
    public Optional<Instant> nextDaysChange(Instant lastOrderAt, Instant now) {
        return rules.stream().flatMap(r -> r.conditions().stream()).flatMap(c -> c.dayThresholds().stream())
                .map(days -> lastOrderAt.plus(Duration.ofDays(days))).filter(at -> at.isAfter(now))
                .min(Instant::compareTo);
    }

    private static String resource(String name) {
        try (InputStream in = SegmentRules.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the domain module");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
