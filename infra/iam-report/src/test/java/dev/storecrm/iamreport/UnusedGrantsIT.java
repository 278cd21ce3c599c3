package dev.storecrm.iamreport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.storecrm.localcloud.IamEnforcer;
import dev.storecrm.localcloud.IamPolicy;
import dev.storecrm.localcloud.Template;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The end of the integration tests: every grant of every function's policy in template.yaml that
 * no integration test (nor the store simulation's) used. Each module's integration-test JVM writes
 * the grants its handlers used to {@code target/iam-usage.tsv} ({@link IamEnforcer}); this module
 * is built after all of them. A grant nobody used is either needless (remove it) or needed only
 * on a path no test reaches (write the test, or explain it in
 * {@code src/test/resources/unused-grants-explained.tsv}). The report is printed and kept in
 * {@code target/iam-unused-grants.txt}.
 */
class UnusedGrantsIT {

    private static final String REGION = "us-east-1";

    @Test
    void everyGrantIsUsedBySomeTestOrExplained() throws IOException {
        Path root = Template.projectRoot();
        List<Path> usageFiles = usageFiles(root);
        assumeTrue(!usageFiles.isEmpty(),
                "no integration test wrote an IAM usage file: run the whole build (./dev test)");
        Set<String> used = new TreeSet<>();
        for (Path file : usageFiles) {
            used.addAll(Files.readAllLines(file));
        }
        Template template = Template.load(root.resolve("template.yaml"), REGION, Map.of());
        Set<String> granted = new TreeSet<>();
        for (Template.Resource function : template.resourcesOfType("AWS::Serverless::Function")) {
            IamPolicy.of(template, function.logicalId()).grants().forEach(g -> granted.add(IamEnforcer.key(g)));
        }
        Map<String, String> explained = explained();

        List<String> report = new ArrayList<>();
        report.add("IAM grants of template.yaml: " + granted.size() + ", used by the integration tests: "
                + granted.stream().filter(used::contains).count() + " (usage files: " + usageFiles.size() + ")");
        List<String> unexplained = new ArrayList<>();
        for (String grant : granted) {
            if (used.contains(grant)) {
                continue;
            }
            String reason = explained.get(grant);
            report.add("unused: " + grant.replace('\t', ' ')
                    + (reason == null ? "  (NOT EXPLAINED)" : "  -- " + reason));
            if (reason == null) {
                unexplained.add(grant.replace('\t', ' '));
            }
        }
        List<String> stale = explained.keySet().stream()
                .filter(grant -> !granted.contains(grant) || used.contains(grant))
                .map(grant -> grant.replace('\t', ' ')).toList();
        stale.forEach(grant -> report.add("stale explanation (no such grant, or it is used now): " + grant));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "iam-unused-grants.txt"), report);
        report.forEach(System.out::println);

        assertEquals(List.of(), unexplained, "grants no test used: remove them, test them, or explain them");
        assertEquals(List.of(), stale, "explanations of grants that are gone or used: delete them");
    }

    private static List<Path> usageFiles(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String group : List.of("functions", "infra")) {
            try (Stream<Path> modules = Files.list(root.resolve(group))) {
                modules.map(m -> m.resolve("target/iam-usage.tsv")).filter(Files::isRegularFile).forEach(files::add);
            }
        }
        return files;
    }

    /** {@code function action resource reason}, tab-separated; {@code #} starts a comment. */
    private static Map<String, String> explained() throws IOException {
        Map<String, String> explained = new LinkedHashMap<>();
        try (var in = UnusedGrantsIT.class.getResourceAsStream("/unused-grants-explained.tsv")) {
            if (in == null) {
                return explained;
            }
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t", 4);
                if (fields.length < 4 || fields[3].isBlank()) {
                    throw new IllegalStateException("unused-grants-explained.tsv: needs function, action, resource and "
                            + "a reason, tab-separated: " + line);
                }
                explained.put(fields[0] + "\t" + fields[1] + "\t" + fields[2], fields[3]);
            }
        }
        return explained;
    }
}
