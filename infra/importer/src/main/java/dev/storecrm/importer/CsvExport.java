package dev.storecrm.importer;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV export as a store's admin writes it (RFC 4180: a header row, quoted fields that may hold
 * commas and line breaks, UTF-8 with or without a byte-order mark), read with Apache Commons CSV.
 * Values are read by column name, trimmed, with the apostrophe Shopify puts before numbers so that
 * a spreadsheet keeps them as text ({@code '7210448301001}, {@code '+8613800001001}) taken off.
 */
final class CsvExport implements Closeable {

    /** One row, numbered as a spreadsheet numbers it (the header is row 1). */
    record Row(long number, CSVRecord record) {

        /** The value of the first of these columns the file has, if it is not blank. */
        Optional<String> value(String... columns) {
            for (String column : columns) {
                if (record.isMapped(column) && record.isSet(column)) {
                    String value = record.get(column).strip();
                    if (value.startsWith("'")) {
                        value = value.substring(1).strip();
                    }
                    return value.isEmpty() ? Optional.empty() : Optional.of(value);
                }
            }
            return Optional.empty();
        }

        String text(String column) {
            return value(column).orElse("");
        }
    }

    private final Path file;
    private final CSVParser parser;

    private CsvExport(Path file, CSVParser parser) {
        this.file = file;
        this.parser = parser;
    }

    static CsvExport open(Path file) {
        try {
            BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            return new CsvExport(file, CSVParser.builder().setReader(reader).setFormat(CSVFormat.RFC4180.builder()
                    .setHeader().setSkipHeaderRecord(true).setTrim(false).get()).get());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    Path file() {
        return file;
    }

    List<String> header() {
        return parser.getHeaderNames();
    }

    /** The rows in order; a file that breaks off inside a quoted field fails with the row it reached. */
    Iterator<Row> rows() {
        Iterator<CSVRecord> records = parser.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return records.hasNext();
                } catch (UncheckedIOException e) {
                    throw new IllegalStateException(file.getFileName() + " is not a well-formed CSV file after row "
                            + (parser.getRecordNumber() + 1) + ": " + e.getMessage(), e);
                }
            }

            @Override
            public Row next() {
                CSVRecord record = records.next();
                return new Row(record.getRecordNumber() + 1, record);
            }
        };
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }
}
