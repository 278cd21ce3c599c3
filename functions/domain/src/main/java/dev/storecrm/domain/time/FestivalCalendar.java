package dev.storecrm.domain.time;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The festivals of one store: those this project ships ({@code festivals.csv}) with the store's overrides
 * applied, and the dates they fall on, computed for any year (the lunar ones through the official lunar
 * calendar, {@link LunarCalendar}).
 *
 * <p>The overrides are one line of text (the template parameter {@code FestivalOverrides}): entries
 * {@code key=rule} separated by {@code ;}, where the rule is {@link Festival}'s, or {@code key=off} to drop
 * a shipped festival. An entry for a shipped key moves it (a store that keeps 618 on the 1st of June:
 * {@code 618=date:06-01}); a new key adds a festival of the store's own ({@code store-day=date:09-18}), named by
 * its key. A malformed entry stops start-up with the entry named, rather than sending on a wrong day.
 */
public final class FestivalCalendar {

    /** A festival on its day. */
    public record Dated(Festival festival, LocalDate date) {}

    private final Map<String, Festival> festivals;
    private final LunarCalendar lunar;

    public FestivalCalendar(List<Festival> festivals, LunarCalendar lunar) {
        Map<String, Festival> byKey = new LinkedHashMap<>();
        festivals.forEach(f -> byKey.put(f.key(), f));
        this.festivals = Map.copyOf(byKey);
        this.lunar = lunar;
    }

    /** The shipped festivals with the store's overrides ({@code ""} for none). */
    public static FestivalCalendar withOverrides(String overrides) {
        Map<String, Festival> festivals = new LinkedHashMap<>();
        shipped().forEach(f -> festivals.put(f.key(), f));
        for (String entry : overrides.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("FestivalOverrides: an entry is key=rule or key=off, such as "
                        + "store-day=date:09-18; got '" + entry.strip() + "'");
            }
            String key = entry.substring(0, equals).strip();
            String rule = entry.substring(equals + 1).strip();
            if (rule.equals("off")) {
                if (festivals.remove(key) == null) {
                    throw new IllegalArgumentException("FestivalOverrides: " + key + "=off names no shipped festival");
                }
                continue;
            }
            Optional<Festival> shipped = Optional.ofNullable(festivals.get(key));
            festivals.put(key, new Festival(key, rule, shipped.map(Festival::nameZh).orElse(key),
                    shipped.map(Festival::nameEn).orElse(key)));
        }
        return new FestivalCalendar(List.copyOf(festivals.values()), LunarCalendar.standard());
    }

    public Optional<Festival> festival(String key) {
        return Optional.ofNullable(festivals.get(key));
    }

    /** Every festival falling from {@code from} to {@code to}, both included, by date then key. */
    public List<Dated> between(LocalDate from, LocalDate to) {
        List<Dated> dated = new ArrayList<>();
        // A lunar year's festivals can fall in the next Gregorian year (除夕, the twelfth month), hence year - 1.
        for (int year = from.getYear() - 1; year <= to.getYear(); year++) {
            for (Festival festival : festivals.values()) {
                LocalDate date = festival.in(year, lunar);
                if (!date.isBefore(from) && !date.isAfter(to)) {
                    dated.add(new Dated(festival, date));
                }
            }
        }
        dated.sort(Comparator.comparing(Dated::date).thenComparing(d -> d.festival().key()));
        return dated;
    }

    /** The festival's next date on or after {@code day}. */
    public LocalDate next(String key, LocalDate day) {
        Festival festival = festival(key).orElseThrow(() -> new IllegalArgumentException("no festival " + key));
        for (int year = day.getYear() - 1; ; year++) {
            LocalDate date = festival.in(year, lunar);
            if (!date.isBefore(day)) {
                return date;
            }
        }
    }

    /** The festivals this project ships, from {@code festivals.csv}. */
    public static List<Festival> shipped() {
        List<Festival> festivals = new ArrayList<>();
        try (InputStream in = FestivalCalendar.class.getResourceAsStream("festivals.csv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                festivals.add(new Festival(fields[0], fields[1], fields[2], fields[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return festivals;
    }
}
