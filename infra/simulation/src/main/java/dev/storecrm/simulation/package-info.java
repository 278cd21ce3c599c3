/**
 * The main job ({@code ./dev run}): a synthetic store played through the real handlers in the local
 * cloud, its report, its mail as HTML and the whole-system invariants judged at the end; also the
 * sample-events run and the template preview ({@code ./dev preview}). Not deployed.
 */
package dev.storecrm.simulation;
