package dev.storecrm.unsubscribe;

import dev.storecrm.platform.http.HttpAnswer;
import dev.storecrm.platform.http.PublicPage;

/**
 * The small pages the unsubscribe link shows, in Chinese or English by the browser's
 * Accept-Language. They hold no member data: only the store's name and a button.
 */
final class UnsubscribePages {

    private UnsubscribePages() {}

    static HttpAnswer confirm(String storeName, String token, boolean chinese) {
        String body = chinese
                ? "<h1>退订" + escape(storeName) + "的营销邮件</h1><p>点击下方按钮后，您将不再收到营销邮件。订单和售后通知不受影响。</p>"
                  + oneClickForm(token, "确认退订")
                : "<h1>Unsubscribe from " + escape(storeName) + " marketing e-mail</h1><p>Press the button and you "
                  + "will receive no more marketing e-mail. Messages about your orders and after-sales cases still "
                  + "arrive.</p>"
                  + oneClickForm(token, "Unsubscribe");
        return page(200, chinese, body);
    }

    /** The button that makes the one-click POST of RFC 8058, as a mail client would. */
    private static String oneClickForm(String token, String button) {
        return "<form method=\"post\" action=\"?token=" + escape(token) + "\">"
                + "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
                + "<button type=\"submit\">" + button + "</button></form>";
    }

    static HttpAnswer done(String storeName, boolean chinese) {
        return page(200, chinese, chinese
                ? "<h1>已退订</h1><p>您将不再收到" + escape(storeName) + "的营销邮件。</p>"
                : "<h1>You are unsubscribed</h1><p>You will receive no more marketing e-mail from "
                  + escape(storeName) + ".</p>");
    }

    static HttpAnswer refused(int status, boolean chinese) {
        return page(status, chinese, chinese
                ? "<h1>链接无效或已过期</h1><p>请使用最新邮件中的退订链接。</p>"
                : "<h1>This link is not valid</h1><p>It may have expired. Please use the link in a recent e-mail.</p>");
    }

    static HttpAnswer methodNotAllowed() {
        return PublicPage.methodNotAllowed();
    }

    private static HttpAnswer page(int status, boolean chinese, String content) {
        return PublicPage.of(status, chinese, (chinese ? "退订" : "Unsubscribe"), content);
    }

    static String escape(String text) {
        return dev.storecrm.platform.http.Html.escape(text);
    }
}
