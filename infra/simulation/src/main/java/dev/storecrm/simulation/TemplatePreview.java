package dev.storecrm.simulation;

import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.messaging.Category;
import dev.storecrm.domain.messaging.MessageRenderer;
import dev.storecrm.domain.messaging.RenderedMessage;
import dev.storecrm.domain.messaging.SubjectPrefixes;
import dev.storecrm.domain.templates.TemplateSample;
import dev.storecrm.localcloud.Template;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code ./dev preview}: renders every template of {@code templates/} in every locale with its
 * {@code sample.json}, exactly as the sender would (same renderer, escaping and subject prefixes,
 * the store's name and address from template.yaml's defaults), into {@code target/preview/}, with an
 * index page to open in a browser.
 */
public final class TemplatePreview {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TemplatePreview() {}

    public static void main(String[] args) throws IOException {
        Path out = render(Template.projectRoot().resolve("target/preview"));
        System.out.println("Open: file://" + out.resolve("index.html").toAbsolutePath());
    }

    /**
     * Renders every template into {@code out}: an HTML and a text file per template and locale, an
     * {@code index.html} to open, and an {@code index.json} the console's template page reads.
     */
    public static Path render(Path target) throws IOException {
        Path root = Template.projectRoot();
        Path templates = root.resolve("templates");
        Path out = Files.createDirectories(target);
        dev.storecrm.domain.json.tree.ArrayNode list = JSON.createArrayNode();
        Template template = Template.ofProject("us-east-1");
        String storeName = template.parameter("StoreName").orElse("Store");
        String storeUrl = template.parameter("StoreUrl").orElse("https://shop.example.com");
        String postalAddress = template.parameter("StorePostalAddress").orElse("");
        MessageRenderer renderer = new MessageRenderer(path -> read(templates.resolve(path)), List.of("zh-CN", "en"),
                template.parameter("DefaultLocale").orElse("zh-CN"),
                SubjectPrefixes.parse(template.parameter("MarketingSubjectPrefixes").orElse(SubjectPrefixes.DEFAULT)));

        StringBuilder index = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>StoreCRM "
                + "templates</title></head><body style=\"font-family:sans-serif\"><h1>Templates</h1>"
                + "<table cellpadding=\"6\"><tr><th>template</th><th>locale</th><th>subject</th><th></th></tr>");
        List<Path> samples;
        try (Stream<Path> dirs = Files.list(templates)) {
            samples = dirs.filter(d -> Files.isRegularFile(d.resolve("sample.json"))).sorted()
                    .map(d -> d.resolve("sample.json")).toList();
        }
        int rendered = 0;
        TemplateSample.Store store = new TemplateSample.Store(storeName, storeUrl, postalAddress);
        for (Path sample : samples) {
            TemplateSample spec = TemplateSample.parse(Files.readString(sample));
            String id = sample.getParent().getFileName().toString();
            for (String locale : spec.locales().keySet().stream().sorted().toList()) {
                Map<String, Object> variables = spec.variables(locale, store);
                Category category = spec.category();
                RenderedMessage message = renderer.render(id, locale, variables, category);
                String base = id + "." + locale;
                Files.writeString(out.resolve(base + ".html"), message.html());
                Files.writeString(out.resolve(base + ".txt"), message.subject() + "\n\n" + message.text());
                list.addObject().put("template", id).put("locale", locale).put("subject", message.subject())
                        .put("html", base + ".html");
                index.append("<tr><td>").append(id).append("</td><td>").append(locale).append("</td><td>")
                        .append(escape(message.subject())).append("</td><td><a href=\"").append(base)
                        .append(".html\">HTML</a> ")
                        .append("<a href=\"").append(base).append(".txt\">text</a></td></tr>");
                rendered++;
            }
        }
        index.append("</table></body></html>");
        Files.writeString(out.resolve("index.html"), index.toString());
        Files.writeString(out.resolve("index.json"), list.toString());
        System.out.println("Rendered " + rendered + " messages from " + samples.size() + " templates.");
        return out;
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
