package dev.storecrm.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape every function keeps (../shared/STYLE.md): a handler only adapts its trigger to the
 * service, in at most 30 code lines (blank lines, comments, imports and the package line not
 * counted); no production class passes 300 lines. Classes that are over the limit today are
 * listed with their present size: they may shrink, never grow, and a new class may not join them.
 * A structured log argument never uses a key Powertools reserves (it drops the value with a warning).
 */
class CodeShapeTest {

    private static final int HANDLER_CODE_LINES = 30;
    private static final int CLASS_LINES = 300;

    /** Known debt, to be split (issue: one shape for every function): path to its size today. */
    private static final Map<String, Integer> OVERSIZED = Map.of();

    private final Path root = Template.projectRoot();

    @Test
    void everyHandlerHasAtMostThirtyCodeLines() throws IOException {
        Map<String, Integer> fat = new TreeMap<>();
        for (Path file : productionSources("functions")) {
            if (file.getFileName().toString().endsWith("Handler.java")) {
                int code = codeLines(Files.readAllLines(file));
                if (code > HANDLER_CODE_LINES) {
                    fat.put(relative(file), code);
                }
            }
        }
        assertEquals(Map.of(), fat, "handlers over " + HANDLER_CODE_LINES + " code lines: move the work to the wiring "
                + "or the service, or to a shared edge in platform");
    }

    @Test
    void noProductionClassGrowsPastThreeHundredLines() throws IOException {
        Map<String, Integer> big = new TreeMap<>();
        for (String group : List.of("functions", "infra")) {
            for (Path file : productionSources(group)) {
                int lines = Files.readAllLines(file).size();
                int allowed = OVERSIZED.getOrDefault(relative(file), CLASS_LINES);
                if (lines > allowed) {
                    big.put(relative(file), lines);
                }
            }
        }
        assertEquals(Map.of(), big, "classes over " + CLASS_LINES + " lines (or over their listed size): split them "
                + "along their seams");
    }

    static int codeLines(List<String> lines) {
        int code = 0;
        boolean inComment = false;
        for (String raw : lines) {
            String line = raw.strip();
            if (inComment) {
                inComment = !line.contains("*/");
                continue;
            }
            if (line.startsWith("/*")) {
                inComment = !line.contains("*/");
                continue;
            }
            if (line.isEmpty() || line.startsWith("//") || line.startsWith("*") || line.startsWith("import ")
                    || line.startsWith("package ")) {
                continue;
            }
            code++;
        }
        return code;
    }

    private List<Path> productionSources(String group) throws IOException {
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve(group))) {
            files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/")
                    && !f.toString().contains("/target/")).forEach(sources::add);
        }
        return sources;
    }

    private String relative(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
