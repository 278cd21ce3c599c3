package dev.storecrm.simulation.bill;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AWS list prices as data ({@code aws-prices.csv} next to this class): each price with its unit,
 * the page it comes from and whether it was confirmed there or assumed. Free tiers are left out.
 */
public final class PriceTable {

    /** One price: {@code usdPerUnit} for one {@code unit} of a service's line. */
    public record Price(String key, String service, String line, String unit, BigDecimal usdPerUnit, String source,
                        String confirmed) {
        public Price {
            if (usdPerUnit.signum() < 0) {
                throw new IllegalArgumentException("price " + key + " is negative");
            }
        }

        public boolean assumed() {
            return confirmed.startsWith("assumed");
        }
    }

    static final String RESOURCE = "aws-prices.csv";
    private static final int COLUMNS = 7;

    private final Map<String, Price> prices;

    public PriceTable(List<Price> prices) {
        Map<String, Price> byKey = new LinkedHashMap<>();
        prices.forEach(p -> byKey.put(p.key(), p));
        this.prices = java.util.Collections.unmodifiableMap(byKey);
    }

    /** The table shipped with the simulation. */
    public static PriceTable standard() {
        try (InputStream in = PriceTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PriceTable parse(List<String> lines) {
        List<Price> prices = lines.stream().filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("key,"))
                .map(PriceTable::row).toList();
        return new PriceTable(prices);
    }

    private static Price row(String line) {
        String[] cells = line.split(",", COLUMNS);
        if (cells.length != COLUMNS) {
            throw new IllegalArgumentException("a price needs " + COLUMNS + " columns: " + line);
        }
        return new Price(cells[0], cells[1], cells[2], cells[3], new BigDecimal(cells[4]), cells[5], cells[6]);
    }

    public Price price(String key) {
        Price price = prices.get(key);
        if (price == null) {
            throw new IllegalArgumentException("the price table has no " + key);
        }
        return price;
    }

    public List<Price> all() {
        return List.copyOf(prices.values());
    }
}
