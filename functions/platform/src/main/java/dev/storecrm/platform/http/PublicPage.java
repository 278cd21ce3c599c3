package dev.storecrm.platform.http;

import java.util.HashMap;
import java.util.Map;

/**
 * A small HTML page a public function URL shows a member (the unsubscribe link's, the order follow-up's): in Chinese
 * or English, never cached, loading nothing from elsewhere and posting only to itself. The content is the caller's
 * markup: whatever a member or the store typed in it must already be escaped ({@link Html#escape}).
 */
public final class PublicPage {

    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Type", "text/html; charset=utf-8",
            "Cache-Control", "no-store",
            "X-Content-Type-Options", "nosniff",
            "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
            "Referrer-Policy", "no-referrer");

    private PublicPage() {}

    public static HttpAnswer of(int status, boolean chinese, String title, String content) {
        String html = "<!DOCTYPE html><html lang=\"" + (chinese ? "zh-CN" : "en") + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title
                + "</title></head><body style=\"font-family:sans-serif;max-width:36em;margin:3em auto;padding:0 1em;\">"
                + content + "</body></html>";
        return new HttpAnswer(status, SECURITY_HEADERS, html);
    }

    /** 405 for any method but GET and POST. */
    public static HttpAnswer methodNotAllowed() {
        HttpAnswer page = of(405, false, "Method not allowed", "<h1>Method not allowed</h1>");
        Map<String, String> headers = new HashMap<>(page.headers());
        headers.put("Allow", "GET, POST");
        return new HttpAnswer(405, headers, page.body());
    }
}
