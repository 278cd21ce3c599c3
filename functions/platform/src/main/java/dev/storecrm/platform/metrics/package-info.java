/**
 * Metrics without Jackson: the functions' counts written as CloudWatch embedded metric format lines by a writer
 * of our own ({@link dev.storecrm.platform.metrics.EmfMetrics}), field for field what Powertools' metrics and
 * the EMF library wrote, behind the part of Powertools' API the functions call ({@link
 * dev.storecrm.platform.metrics.Metrics}, {@link dev.storecrm.platform.metrics.MetricsFactory}). See
 * docs/benchmarks.md, "Metrics backend".
 */
package dev.storecrm.platform.metrics;
