package dev.storecrm.carelists;

import dev.storecrm.domain.json.tree.ArrayNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A list for the staff: named columns and rows of text, written as CSV (RFC 4180, with a UTF-8
 * byte order mark so that spreadsheet programs read Chinese names right) or as JSON.
 *
 * <p>A cell that a spreadsheet would take for a formula ({@code = + - @}, tab or carriage return
 * first), in any column, is written with a leading apostrophe: a customer's name, e-mail or phone must
 * not become a formula in the staff's spreadsheet (CSV injection). Phone numbers are no exception:
 * {@code +1-2} would open as the formula {@code =1-2}; {@code '+86 138…} shows the number as text.
 * The JSON form carries every value unchanged.
 */
public final class Table {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOM = "\uFEFF";
    /** What a spreadsheet reads as the start of a formula. */
    private static final String FORMULA_START = "=+-@\t\r";

    private final List<String> columns;
    private final List<List<String>> rows = new ArrayList<>();
    private Optional<String> next = Optional.empty();

    public Table(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    public Table add(List<String> row) {
        if (row.size() != columns.size()) {
            throw new IllegalArgumentException("a row has " + row.size() + " cells for " + columns.size() + " columns");
        }
        rows.add(row.stream().map(cell -> Objects.requireNonNullElse(cell, "")).toList());
        return this;
    }

    /** The cursor of the next page of the list, when this table is one page of it. */
    public Table next(Optional<String> cursor) {
        this.next = cursor;
        return this;
    }

    public Optional<String> next() {
        return next;
    }

    public List<String> columns() {
        return columns;
    }

    public List<List<String>> rows() {
        return List.copyOf(rows);
    }

    public String toCsv() {
        return csvHeader() + csvRows();
    }

    /** The start of the CSV: the byte order mark and the header line. */
    public String csvHeader() {
        StringBuilder csv = new StringBuilder(BOM);
        line(csv, columns);
        return csv.toString();
    }

    /** The CSV lines of the rows alone (to follow a header written before: a list exported page by page). */
    public String csvRows() {
        StringBuilder csv = new StringBuilder();
        rows.forEach(row -> line(csv, row));
        return csv.toString();
    }

    /** {@code {"columns":[…],"rows":[{column: value, …}, …],"next":"…"}} ({@code next} on all pages but the last). */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode names = root.putArray("columns");
        columns.forEach(names::add);
        ArrayNode items = root.putArray("rows");
        for (List<String> row : rows) {
            ObjectNode item = items.addObject();
            for (int i = 0; i < columns.size(); i++) {
                item.put(columns.get(i), row.get(i));
            }
        }
        next.ifPresent(cursor -> root.put("next", cursor));
        return root.toString();
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells.get(i)));
        }
        csv.append("\r\n");
    }

    static String cell(String value) {
        boolean formulaLike = !value.isEmpty() && FORMULA_START.indexOf(value.charAt(0)) >= 0;
        String safe = formulaLike ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
