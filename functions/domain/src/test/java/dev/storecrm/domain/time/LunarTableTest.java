package dev.storecrm.domain.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code lunar-months.csv}, the calendar the functions ship, is what ICU4J's Chinese calendar with the official
 * corrections computes, for every year of the table: a mismatch names the correct rows, and
 * {@code -Dlunar.regenerate=<path>} writes the whole table there (the command: {@link IcuLunarYears#REGENERATE}).
 */
class LunarTableTest {

    private static final String EXPECTED = IcuLunarYears.official().table();

    @Test
    void theShippedTableIsTheLibrarysCalendarWithTheOfficialCorrections() throws IOException {
        String target = System.getProperty("lunar.regenerate", "");
        if (!target.isBlank()) {
            Files.writeString(Path.of(target), EXPECTED, StandardCharsets.UTF_8);
            return;
        }
        String shipped;
        try (InputStream in = LunarCalendar.class.getResourceAsStream(LunarCalendar.TABLE)) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> expected = EXPECTED.lines().toList();
        List<String> actual = shipped.lines().toList();
        List<String> correct = new ArrayList<>();
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            if (i >= actual.size() || i >= expected.size() || !expected.get(i).equals(actual.get(i))) {
                correct.add(i < expected.size() ? expected.get(i) : "(line " + (i + 1) + ": none)");
            }
        }
        assertEquals(List.of(), correct, LunarCalendar.TABLE + " differs from ICU4J " + IcuLunarYears.version()
                + " with lunar-corrections.csv; the correct lines are listed; regenerate the table from the"
                + " repository's root with " + IcuLunarYears.REGENERATE);
    }
}
