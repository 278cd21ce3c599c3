/**
 * S3 adapters: the inbound mail bucket, shared by the care desk (reads) and erasure (deletes). The S3 SDK is an
 * optional dependency of platform, so only the functions that declare it themselves carry it in their jar.
 */
package dev.storecrm.platform.s3;
