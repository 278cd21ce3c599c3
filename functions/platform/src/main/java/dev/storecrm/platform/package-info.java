/**
 * The AWS side every function shares: SDK clients built once per instance (url-connection HTTP
 * client, region and credentials from the environment), settings read from environment variables,
 * secrets read once at start-up, the store's policies read from settings, and the adapters several
 * functions share, built in one place with one set of defaults. The subpackages hold the adapters of
 * the domain's ports and the Lambda edges.
 *
 * <p>Platform depends on the domain and knows no particular function. No code here branches on
 * running locally: endpoints come only from the SDK's own configuration.
 */
package dev.storecrm.platform;
