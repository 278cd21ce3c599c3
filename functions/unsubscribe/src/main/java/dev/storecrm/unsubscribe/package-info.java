/**
 * UnsubscribeFunction, behind a public function URL: RFC 8058 one-click unsubscribe. A valid token
 * suppresses marketing at once and tells the member archive through the store bus; a GET only shows
 * a page, so that link scanners and prefetching change nothing. The pages hold no member data.
 */
package dev.storecrm.unsubscribe;
