package dev.storecrm.platform.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The template files, bundled into the jar under {@code templates/} by its build. A file read once is kept: the
 * bundle never changes while the function runs.
 */
public final class ClasspathTemplates implements Function<String, Optional<String>> {

    private final Map<String, String> read = new ConcurrentHashMap<>();

    @Override
    public Optional<String> apply(String path) {
        if (path.contains("..")) {
            return Optional.empty();
        }
        String known = read.get(path);
        if (known != null) {
            return Optional.of(known);
        }
        try (InputStream in = ClasspathTemplates.class.getClassLoader().getResourceAsStream("templates/" + path)) {
            if (in == null) {
                return Optional.empty();
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            read.put(path, text);
            return Optional.of(text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + path, e);
        }
    }

    /** The bundled templates that have a {@code sample.json}, sorted (from the jar, or a directory in tests). */
    public static List<String> templateIds() {
        URL root = ClasspathTemplates.class.getClassLoader().getResource("templates/_layout");
        if (root == null) {
            return List.of();
        }
        try {
            if ("jar".equals(root.getProtocol())) {
                try (FileSystem jar = FileSystems.newFileSystem(root.toURI(), Map.of())) {
                    return list(jar.getPath("/templates"));
                }
            }
            return list(Path.of(root.toURI()).getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the bundled templates", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot list the bundled templates at " + root, e);
        }
    }

    private static List<String> list(Path templates) throws IOException {
        try (Stream<Path> dirs = Files.list(templates)) {
            return dirs.filter(dir -> Files.isRegularFile(dir.resolve("sample.json")))
                    .map(dir -> dir.getFileName().toString().replace("/", "")).sorted().toList();
        }
    }
}
