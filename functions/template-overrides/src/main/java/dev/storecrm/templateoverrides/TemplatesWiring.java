package dev.storecrm.templateoverrides;

import dev.storecrm.domain.messaging.SubjectPrefixes;
import dev.storecrm.domain.templates.DraftChecks;
import dev.storecrm.domain.templates.OverrideTemplates;
import dev.storecrm.domain.templates.TemplateOverrides;
import dev.storecrm.domain.templates.TemplateSample;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.SharedAdapters;
import dev.storecrm.platform.dynamodb.DynamoDbTemplateOverrides;
import dev.storecrm.platform.messaging.ClasspathTemplates;
import dev.storecrm.platform.metrics.Metrics;
import dev.storecrm.platform.metrics.MetricsFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The composition root of TemplatesFunction: settings, the bundled templates, the TemplateOverridesTable. */
record TemplatesWiring(TemplatesService service, Metrics metrics) {

    /** How long the checks keep the other templates' live overrides: a layout draft renders every template. */
    private static final Duration CURRENT_FOR = Duration.ofSeconds(5);

    TemplatesWiring(Map<String, String> environment, Clock clock) {
        this(SharedAdapters.from(new Settings(environment), clock));
    }

    private TemplatesWiring(SharedAdapters shared) {
        this(service(shared, shared.env()), MetricsFactory.getMetricsInstance());
    }

    private static TemplatesService service(SharedAdapters shared, Settings env) {
        ClasspathTemplates bundled = new ClasspathTemplates();
        TemplateOverrides overrides = new DynamoDbTemplateOverrides(shared.dynamoDb(),
                env.required("TEMPLATE_OVERRIDES_TABLE"));
        List<String> locales = Arrays.stream(env.optional("SUPPORTED_LOCALES", "zh-CN,en").split(","))
                .map(String::trim).toList();
        DraftChecks checks = new DraftChecks(bundled, new OverrideTemplates(bundled, overrides, CURRENT_FOR,
                shared.clock()), locales, env.optional("DEFAULT_LOCALE", "zh-CN"),
                SubjectPrefixes.parse(env.optional("MARKETING_SUBJECT_PREFIXES", SubjectPrefixes.DEFAULT)),
                new TemplateSample.Store(env.required("STORE_NAME"), env.required("STORE_URL"),
                        env.required("STORE_POSTAL_ADDRESS")), ClasspathTemplates.templateIds());
        return new TemplatesService(overrides, checks, bundled, shared.clock());
    }
}
