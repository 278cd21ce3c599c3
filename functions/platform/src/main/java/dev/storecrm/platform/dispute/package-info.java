/**
 * The dispute workflow's parts built once from a function's settings (rule packs, chase planner,
 * messages, stores), so that DisputeFunction and DisputeQueueFunction record changes the same way.
 */
package dev.storecrm.platform.dispute;
