package dev.storecrm.benchmarks;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code ./dev bench}'s own arguments: help where it is asked for, a clear refusal of a malformed option. */
class BenchmarksTest {

    @Test
    void helpAfterABenchmarksNameListsTheOptionsInsteadOfRunningIt() {
        for (String help : new String[] {"--help", "-h"}) {
            String printed = printed(() -> Benchmarks.run(new String[] {"coldstart", help}));
            assertTrue(printed.startsWith("usage: ./dev bench <name> [options]"), printed);
            assertTrue(printed.contains("coldstart [--runs N] [--functions A,B] [--members M] [--days D]"), printed);
        }
    }

    @Test
    void anOptionWithoutItsValueIsRefusedPointingAtTheHelp() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Benchmarks.run(new String[] {"coldstart", "--runs"}));
        assertTrue(refused.getMessage().contains("got --runs (./dev bench <name> --help lists"), refused.getMessage());
    }

    private static String printed(Runnable action) {
        PrintStream standard = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(standard);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
