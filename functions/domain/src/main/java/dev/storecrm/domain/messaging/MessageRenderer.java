package dev.storecrm.domain.messaging;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Renders a message from the template files of the repository's {@code templates/} directory:
 *
 * <pre>
 * templates/&lt;template&gt;/&lt;locale&gt;/subject.txt   one line
 * templates/&lt;template&gt;/&lt;locale&gt;/body.html     HTML fragment, every {{value}} HTML-escaped
 * templates/&lt;template&gt;/&lt;locale&gt;/body.txt      plain text
 * templates/_layout/&lt;locale&gt;/layout.html and layout.txt   the frame around every body
 * </pre>
 *
 * Templates are Mustache. In HTML every value is escaped; the unescaped forms ({{{x}}}, {{&x}})
 * are refused in templates, so member- or event-supplied text can never become markup. A variable
 * a template uses but the request does not give, or a template missing in every locale, is an
 * {@link InvalidInputException}: the request is kept and counted, never sent as an empty e-mail.
 * The locale is the recipient's if the template has it, else one of the same language, else the
 * store's default.
 */
public final class MessageRenderer {

    private static final String LAYOUT = "_layout";

    private final Function<String, Optional<String>> files;
    private final List<String> supportedLocales;
    private final String defaultLocale;
    private final SubjectPrefixes prefixes;
    private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();
    private final Mustache.Compiler html = Mustache.compiler().escapeHTML(true).strictSections(true);
    private final Mustache.Compiler plain = Mustache.compiler().withEscaper(Escapers.NONE).strictSections(true);

    /**
     * @param files reads a file below {@code templates/} by relative path, e.g. {@code birthday/en/subject.txt};
     *              read for every part rendered, and a part whose text changed (a template override) is compiled again
     */
    public MessageRenderer(Function<String, Optional<String>> files, List<String> supportedLocales,
                           String defaultLocale, SubjectPrefixes prefixes) {
        this.files = files;
        this.supportedLocales = List.copyOf(supportedLocales);
        this.defaultLocale = defaultLocale;
        this.prefixes = prefixes;
        if (!supportedLocales.contains(defaultLocale)) {
            throw new IllegalArgumentException("the default locale " + defaultLocale + " must be supported");
        }
    }

    /**
     * Renders a template. {@code variables} are the request's data plus what the sender adds
     * ({@code recipient}, {@code store}, {@code unsubscribeUrl} for marketing).
     */
    public RenderedMessage render(String templateId, String requestedLocale, Map<String, Object> variables,
                                  Category category) {
        String locale = resolveLocale(templateId, requestedLocale);
        Map<String, Object> context = new HashMap<>(variables);
        context.putIfAbsent("marketing", category == Category.marketing);
        String subject = renderPart(templateId, locale, "subject.txt", plain, context)
                .replaceAll("[\\r\\n\\t]+", " ").strip();
        String bodyHtml = renderPart(templateId, locale, "body.html", html, context);
        String bodyText = renderPart(templateId, locale, "body.txt", plain, context);
        Map<String, Object> framed = new HashMap<>(context);
        framed.put("body", bodyHtml);
        framed.put("subject", subject);
        String fullHtml = renderPart(LAYOUT, locale, "layout.html", html, framed);
        framed.put("body", bodyText);
        String fullText = renderPart(LAYOUT, locale, "layout.txt", plain, framed);
        if (category == Category.marketing) {
            subject = prefixes.apply(subject, locale);
        }
        if (subject.isEmpty()) {
            throw new InvalidInputException(RejectReason.TEMPLATE_ERROR,
                    templateId + "/" + locale + " renders an empty subject");
        }
        return new RenderedMessage(templateId, locale, subject, fullHtml, fullText);
    }

    /**
     * Renders a template's SMS text, {@code <template>/<locale>/sms.txt} (plain, white space runs folded to
     * one space), in the locale {@link #render} would choose. A template without an SMS text is refused
     * ({@code UNKNOWN_TEMPLATE}), as a missing e-mail part is.
     */
    public RenderedSms renderSms(String templateId, String requestedLocale, Map<String, Object> variables,
                                 Category category) {
        String locale = resolveLocale(templateId, requestedLocale);
        Map<String, Object> context = new HashMap<>(variables);
        context.putIfAbsent("marketing", category == Category.marketing);
        String text = renderPart(templateId, locale, "sms.txt", plain, context).replaceAll("\\s+", " ").strip();
        if (text.isEmpty()) {
            throw new InvalidInputException(RejectReason.TEMPLATE_ERROR,
                    templateId + "/" + locale + " renders an empty SMS");
        }
        return new RenderedSms(templateId, locale, text);
    }

    /** The locale a template is rendered in for a recipient who prefers {@code requested}. */
    public String resolveLocale(String templateId, String requested) {
        List<String> candidates = new ArrayList<>();
        if (requested != null && !requested.isBlank()) {
            candidates.add(requested);
            String language = Locale.forLanguageTag(requested).getLanguage();
            supportedLocales.stream().filter(l -> Locale.forLanguageTag(l).getLanguage().equals(language))
                    .forEach(candidates::add);
        }
        candidates.add(defaultLocale);
        candidates.addAll(supportedLocales);
        for (String locale : new LinkedHashSet<>(candidates)) {
            if (template(templateId + "/" + locale + "/subject.txt", plain).isPresent()) {
                return locale;
            }
        }
        throw new InvalidInputException(RejectReason.UNKNOWN_TEMPLATE,
                "no template '" + templateId + "' in templates/ for any locale");
    }

    private String renderPart(String templateId, String locale, String part, Mustache.Compiler compiler,
                              Map<String, Object> context) {
        String path = templateId + "/" + locale + "/" + part;
        Template template = template(path, compiler).orElseThrow(() -> new InvalidInputException(
                RejectReason.UNKNOWN_TEMPLATE, "templates/" + path + " is missing"));
        try {
            return template.execute(context);
        } catch (MustacheException e) {
            throw new InvalidInputException(RejectReason.TEMPLATE_ERROR, "templates/" + path + ": "
                    + e.getMessage().replaceAll("\\s+", " "));
        }
    }

    private Optional<Template> template(String path, Mustache.Compiler compiler) {
        String key = path + (compiler == html ? "#html" : "#plain");
        Optional<String> text = files.apply(path);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Compiled known = compiled.get(key);
        if (known != null && known.text().equals(text.get())) {
            return Optional.of(known.template());
        }
        if (!path.startsWith(LAYOUT + "/") && (text.get().contains("{{{") || text.get().contains("{{&"))) {
            throw new InvalidInputException(RejectReason.TEMPLATE_ERROR,
                    "templates/" + path + " uses unescaped output ({{{ or {{&), which templates may not");
        }
        try {
            Template template = compiler.compile(text.get());
            compiled.put(key, new Compiled(text.get(), template));
            return Optional.of(template);
        } catch (MustacheException e) {
            throw new InvalidInputException(RejectReason.TEMPLATE_ERROR, "templates/" + path + " does not compile: "
                    + e.getMessage().replaceAll("\\s+", " "));
        }
    }

    /** A part's text and its compiled form: compiled again when the text changes (a template override). */
    private record Compiled(String text, Template template) {}
}
