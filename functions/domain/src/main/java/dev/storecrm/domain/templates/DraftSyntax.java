package dev.storecrm.domain.templates;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import dev.storecrm.domain.templates.DraftProblem.Code;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks of one part of a draft that need no rendering: no raw output (a layout may only place the rendered
 * body, {@code {{{body}}}}), no change of delimiters, a Mustache that parses with balanced sections and without
 * partials or parents, and only names the sample data and the sender provide.
 */
final class DraftSyntax {

    private static final String LAYOUT_BODY = "{{{body}}}";
    private static final Set<String> SPECIAL = Set.of(".", "this", "-first", "-last", "-index");

    private DraftSyntax() {}

    /** The problems of one part's text; {@code provided} are the names a renderer will find. */
    static List<DraftProblem> check(String part, String text, boolean layout, Set<String> provided) {
        String raw = layout ? text.replace(LAYOUT_BODY, "") : text;
        if (raw.contains("{{{") || raw.contains("{{&")) {
            return List.of(new DraftProblem(Code.UNESCAPED_OUTPUT, part, "uses unescaped output ({{{ or {{&); every "
                    + "value must be escaped" + (layout ? " (a layout may only place {{{body}}})" : "")));
        }
        if (text.contains("{{=")) {
            return List.of(new DraftProblem(Code.UNESCAPED_OUTPUT, part,
                    "changes the delimiters ({{=), which could hide unescaped output"));
        }
        Template template;
        try {
            template = Mustache.compiler().strictSections(true).compile(text);
        } catch (MustacheException e) {
            return List.of(new DraftProblem(Code.BROKEN_LAYOUT, part, "does not parse: "
                    + e.getMessage().replaceAll("\\s+", " ")));
        }
        Names names = new Names();
        template.visit(names);
        List<DraftProblem> problems = new ArrayList<>();
        if (!names.nested.isEmpty()) {
            problems.add(new DraftProblem(Code.BROKEN_LAYOUT, part, "uses partials or parents ("
                    + String.join(", ", names.nested) + "), which templates may not"));
        }
        names.used.stream().filter(name -> !SPECIAL.contains(name) && !provided.contains(name)).forEach(name ->
                problems.add(new DraftProblem(Code.MISSING_VARIABLE, part, "uses {{" + name + "}}, which the "
                        + "template's sample data and the sender do not provide")));
        return problems;
    }

    /**
     * Every name the variables provide, with its dotted path from the top and from every nested object (a section
     * over an object or a list of objects makes its fields names of their own).
     */
    static Set<String> provided(Map<String, Object> variables) {
        Set<String> names = new LinkedHashSet<>();
        collect(variables, "", names);
        return names;
    }

    @SuppressWarnings("unchecked")
    private static void collect(Object value, String prefix, Set<String> names) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> {
                String name = prefix + key;
                names.add(name);
                collect(child, name + ".", names);
                collect(child, "", names);
            });
        } else if (value instanceof Collection<?> list) {
            list.forEach(element -> collect(element, prefix, names));
            list.forEach(element -> collect(element, "", names));
        }
    }

    /** Collects the names a template uses, sections included, and its partials and parents. */
    private static final class Names implements Mustache.Visitor {
        private final Set<String> used = new LinkedHashSet<>();
        private final Set<String> nested = new LinkedHashSet<>();

        @Override
        public void visitText(String text) {
            // text is not a name
        }

        @Override
        public void visitVariable(String name) {
            used.add(name);
        }

        @Override
        public boolean visitInclude(String name) {
            nested.add(">" + name);
            return false;
        }

        @Override
        public boolean visitParent(String name) {
            nested.add("<" + name);
            return false;
        }

        @Override
        public boolean visitSection(String name) {
            used.add(name);
            return true;
        }

        @Override
        public boolean visitInvertedSection(String name) {
            used.add(name);
            return true;
        }
    }
}
