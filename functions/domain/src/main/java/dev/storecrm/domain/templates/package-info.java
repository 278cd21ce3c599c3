/**
 * Template overrides: a marketer's version of a bundled template (or the layout) for one locale, published
 * without a redeploy. The versioned store behind the {@link dev.storecrm.domain.templates.TemplateOverrides}
 * port, the override-aware template source the sender renders from ({@link
 * dev.storecrm.domain.templates.OverrideTemplates}, a short cache over the bundle), the checks a draft passes
 * before it is published ({@link dev.storecrm.domain.templates.DraftChecks}) and the sample data previews render
 * with ({@link dev.storecrm.domain.templates.TemplateSample}). Only ports: DynamoDB stands behind them in
 * {@code dev.storecrm.platform}.
 */
package dev.storecrm.domain.templates;
