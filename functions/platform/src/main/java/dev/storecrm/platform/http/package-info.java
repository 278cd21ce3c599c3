/**
 * The edges of function URLs: the Lambda event (HTTP API payload 2.0) in, a plain request to the
 * service, its answer out. A staff URL ({@code AuthType: AWS_IAM}) checks its IAM caller itself; a
 * public one ({@code AuthType: NONE}) leaves every check to its service.
 */
package dev.storecrm.platform.http;
