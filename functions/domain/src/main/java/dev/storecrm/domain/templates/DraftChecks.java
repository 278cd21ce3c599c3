package dev.storecrm.domain.templates;

import com.samskivert.mustache.Escapers;
import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.messaging.Category;
import dev.storecrm.domain.messaging.MessageRenderer;
import dev.storecrm.domain.messaging.RenderedMessage;
import dev.storecrm.domain.messaging.SubjectPrefixes;
import dev.storecrm.domain.templates.DraftProblem.Code;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks a draft override before it is published, and renders it for a preview. A draft of a template is rendered
 * with that template's {@code sample.json}; a draft of the layout with the sample of every template in
 * {@code layoutProbes} (a marketing one and a transactional one at least). Each render is the sender's own
 * ({@link MessageRenderer}, over the files as they would be once published: the draft's parts, the bundled file
 * for a part it does not give, the live overrides of the other templates). A marketing message must end with the
 * house footer: the unsubscribe link and the store's postal address, in its HTML and its text.
 */
public final class DraftChecks {

    /** The most a draft may hold, all parts together, in UTF-8 (the store keeps two copies in one item). */
    public static final int MAX_DRAFT_BYTES = 150_000;

    /** The outcome: the problems (none: it may be published) and the messages rendered with the samples. */
    public record Outcome(List<DraftProblem> problems, List<RenderedMessage> rendered) {
        public Outcome {
            problems = List.copyOf(problems);
            rendered = List.copyOf(rendered);
        }

        public boolean publishable() {
            return problems.isEmpty();
        }
    }

    private final Function<String, Optional<String>> bundled;
    private final Function<String, Optional<String>> current;
    private final List<String> locales;
    private final String defaultLocale;
    private final SubjectPrefixes prefixes;
    private final TemplateSample.Store store;
    private final List<String> layoutProbes;

    /**
     * @param bundled the bundled files; {@code current} the files the sender renders now (with live overrides)
     */
    public DraftChecks(Function<String, Optional<String>> bundled, Function<String, Optional<String>> current,
                       List<String> locales, String defaultLocale, SubjectPrefixes prefixes,
                       TemplateSample.Store store, List<String> layoutProbes) {
        this.bundled = bundled;
        this.current = current;
        this.locales = List.copyOf(locales);
        this.defaultLocale = defaultLocale;
        this.prefixes = prefixes;
        this.store = store;
        this.layoutProbes = List.copyOf(layoutProbes);
    }

    /** Checks a draft of {@code template} (or {@value TemplateOverride#LAYOUT}) in {@code locale}. */
    public Outcome check(String template, String locale, Map<String, String> draft) {
        boolean layout = TemplateOverride.LAYOUT.equals(template);
        String probe = template + "/" + locale + "/" + (layout ? "layout.html" : "subject.txt");
        if (!locales.contains(locale) || bundled.apply(probe).isEmpty()) {
            return refused(Code.UNKNOWN_TEMPLATE, "*", "no bundled template " + template + " in locale " + locale);
        }
        List<DraftProblem> shape = shape(template, draft);
        if (!shape.isEmpty()) {
            return new Outcome(shape, List.of());
        }
        List<String> targets = layout ? layoutProbes : List.of(template);
        List<DraftProblem> problems = new ArrayList<>();
        Set<String> provided = new HashSet<>(Set.of("marketing", "subject", "body"));
        for (String target : targets) {
            TemplateSample sample = sample(target);
            provided.addAll(DraftSyntax.provided(sample.variables(locale, store)));
        }
        draft.forEach((part, text) -> problems.addAll(DraftSyntax.check(part, text, layout, provided)));
        if (!problems.isEmpty()) {
            return new Outcome(problems, List.of());
        }
        Function<String, Optional<String>> files = path -> path.startsWith(template + "/" + locale + "/")
                ? Optional.ofNullable(draft.get(path.substring(path.lastIndexOf('/') + 1)))
                        .or(() -> bundled.apply(path))
                : current.apply(path);
        MessageRenderer renderer = new MessageRenderer(files, locales, defaultLocale, prefixes);
        List<RenderedMessage> rendered = new ArrayList<>();
        for (String target : targets) {
            render(renderer, files, target, locale, rendered, problems);
        }
        return new Outcome(problems, problems.isEmpty() ? rendered : List.of());
    }

    private List<DraftProblem> shape(String template, Map<String, String> draft) {
        if (draft.isEmpty()) {
            return List.of(new DraftProblem(Code.BAD_PART, "*", "a draft gives at least one part: "
                    + String.join(", ", TemplateOverride.partsOf(template).stream().sorted().toList())));
        }
        List<DraftProblem> problems = new ArrayList<>();
        draft.keySet().stream().filter(part -> !TemplateOverride.partsOf(template).contains(part)).sorted()
                .forEach(part -> problems.add(new DraftProblem(Code.BAD_PART, part, "is not a part an override of "
                        + template + " may replace (" + String.join(", ", TemplateOverride.partsOf(template).stream()
                        .sorted().toList()) + ")")));
        if (TemplateOverride.LAYOUT.equals(template)) {
            Map.of("layout.html", "{{{body}}}", "layout.txt", "{{body}}").forEach((part, body) -> {
                if (draft.containsKey(part) && !draft.get(part).contains(body)) {
                    problems.add(new DraftProblem(Code.BROKEN_LAYOUT, part, "must place the message's body, " + body));
                }
            });
        }
        int bytes = draft.values().stream().mapToInt(text -> text.getBytes(StandardCharsets.UTF_8).length).sum();
        if (bytes > MAX_DRAFT_BYTES) {
            problems.add(new DraftProblem(Code.BAD_PART, "*", "the draft holds " + bytes + " bytes; at most "
                    + MAX_DRAFT_BYTES));
        }
        return problems;
    }

    private void render(MessageRenderer renderer, Function<String, Optional<String>> files, String template,
                        String locale, List<RenderedMessage> rendered, List<DraftProblem> problems) {
        TemplateSample sample = sample(template);
        Map<String, Object> variables = sample.variables(locale, store);
        try {
            RenderedMessage message = renderer.render(template, locale, variables, sample.category());
            if (files.apply(template + "/" + message.locale() + "/sms.txt").isPresent()) {
                renderer.renderSms(template, locale, variables, sample.category());
            }
            rendered.add(message);
            if (sample.category() == Category.marketing) {
                footer(template, message, problems);
            }
        } catch (InvalidInputException e) {
            problems.add(new DraftProblem(Code.RENDER_ERROR, template, e.detail()));
        }
    }

    private void footer(String template, RenderedMessage message, List<DraftProblem> problems) {
        String address = store.postalAddress();
        String link = TemplateSample.UNSUBSCRIBE_URL;
        boolean html = message.html().contains(Escapers.HTML.escape(link))
                && message.html().contains(Escapers.HTML.escape(address));
        boolean text = message.text().contains(link) && message.text().contains(address);
        if (!html || !text) {
            problems.add(new DraftProblem(Code.MISSING_FOOTER, template, "a marketing message ends with the "
                    + "unsubscribe link and the store's postal address; " + template + " lacks them in its "
                    + (html ? "text" : text ? "HTML" : "HTML and text")));
        }
    }

    /** The sample data of a bundled template ({@code <template>/sample.json}). */
    public TemplateSample sample(String template) {
        return bundled.apply(template + "/sample.json").map(TemplateSample::parse)
                .orElseGet(() -> new TemplateSample(Category.transactional, Map.of(), ""));
    }

    private static Outcome refused(Code code, String part, String detail) {
        return new Outcome(List.of(new DraftProblem(code, part, detail)), List.of());
    }
}
