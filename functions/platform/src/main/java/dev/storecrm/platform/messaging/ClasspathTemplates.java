package dev.storecrm.platform.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

/** The template files, bundled into the sender's jar under {@code templates/} by its build. */
public final class ClasspathTemplates implements Function<String, Optional<String>> {

    @Override
    public Optional<String> apply(String path) {
        if (path.contains("..")) {
            return Optional.empty();
        }
        try (InputStream in = ClasspathTemplates.class.getClassLoader().getResourceAsStream("templates/" + path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + path, e);
        }
    }
}
