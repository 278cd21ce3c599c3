/**
 * TemplatesFunction: the marketers' door to template overrides on the staff API. A draft of a template or the
 * layout in one locale is previewed with the template's sample data, checked and published as a new version
 * (TemplateOverridesTable), and rolled back by publishing an older version again; the sender renders the live one.
 */
package dev.storecrm.templateoverrides;
