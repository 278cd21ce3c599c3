/**
 * Structured JSON logging without log4j: an SLF4J 2 provider of our own ({@link
 * dev.storecrm.platform.logging.JsonLogProvider}) that writes Powertools' Lambda fields on one line each,
 * {@link dev.storecrm.platform.logging.LogField} for a line's own fields, and {@link
 * dev.storecrm.platform.logging.LambdaLogging} for an invocation's context. See docs/benchmarks.md, "Logging
 * backend".
 */
package dev.storecrm.platform.logging;
