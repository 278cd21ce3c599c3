package dev.storecrm.feedbacklanding;

import dev.storecrm.domain.feedback.FeedbackAnswer;
import dev.storecrm.platform.http.Html;
import dev.storecrm.platform.http.HttpAnswer;
import dev.storecrm.platform.http.PublicPage;
import java.util.Optional;

/**
 * The small pages of the follow-up link, in Chinese or English: the question (did the product meet your need?,
 * an optional rating and comment), the thanks, and the refusals. Whatever a member typed is escaped; the pages
 * load nothing from elsewhere and post only to themselves.
 */
final class FeedbackLandingPages {

    private FeedbackLandingPages() {}

    /** The question, with what was already chosen (a one-click answer, or a form sent back to correct). */
    static HttpAnswer question(int status, String storeName, String token, boolean chinese,
                               Optional<FeedbackAnswer> chosen, boolean correct) {
        String intro = chinese
                ? "<h1>" + Html.escape(storeName) + "想听听您的意见</h1><p>您的订单是否满足了您的需要？</p>"
                : "<h1>" + Html.escape(storeName) + " would like to hear from you</h1>"
                  + "<p>Did the product meet your need?</p>";
        String error = !correct ? "" : chinese
                ? "<p role=\"alert\">请选择“满足了”或“没有满足”；评分为1到5；留言最多1000个字。</p>"
                : "<p role=\"alert\">Please choose yes or no; a rating is 1 to 5; a comment has at most 1,000 "
                  + "characters.</p>";
        return page(status, chinese, intro + error + form(token, chinese, chosen));
    }

    private static String form(String token, boolean chinese, Optional<FeedbackAnswer> chosen) {
        StringBuilder form = new StringBuilder("<form method=\"post\" action=\"?token=").append(Html.escape(token))
                .append("&amp;lang=").append(chinese ? "zh-CN" : "en").append("\"><p>");
        form.append(radio("met", "yes", chinese ? "满足了" : "Yes", chosen.filter(FeedbackAnswer::met).isPresent()))
                .append(radio("met", "no", chinese ? "没有满足" : "No",
                        chosen.filter(a -> !a.met()).isPresent()))
                .append("</p><p>").append(chinese ? "评分（可选）：" : "Rating (optional): ");
        for (int stars = 1; stars <= 5; stars++) {
            int value = stars;
            form.append(radio("rating", String.valueOf(stars), String.valueOf(stars),
                    chosen.flatMap(FeedbackAnswer::rating).filter(r -> r == value).isPresent()));
        }
        form.append("</p><p><label>")
                .append(chinese ? "留言（可选，最多1000字）" : "Comment (optional, at most 1,000 characters)")
                .append("<br><textarea name=\"comment\" maxlength=\"1000\" rows=\"5\" cols=\"40\">")
                .append(Html.escape(chosen.flatMap(FeedbackAnswer::comment).orElse("")))
                .append("</textarea></label></p><button type=\"submit\">").append(chinese ? "提交" : "Send")
                .append("</button></form>");
        return form.toString();
    }

    private static String radio(String name, String value, String label, boolean checked) {
        return "<label><input type=\"radio\" name=\"" + name + "\" value=\"" + value + "\""
                + (checked ? " checked" : "") + "> " + label + "</label> ";
    }

    /** The thanks; after a one-click answer it offers the form to add a rating and a comment. */
    static HttpAnswer thanks(String storeName, String token, boolean chinese, FeedbackAnswer answer,
                             boolean offerMore) {
        String thanks = chinese
                ? "<h1>谢谢您！</h1><p>" + Html.escape(storeName) + "已收到您的回答："
                  + (answer.met() ? "满足了" : "没有满足") + "。</p>"
                : "<h1>Thank you!</h1><p>" + Html.escape(storeName) + " has your answer: "
                  + (answer.met() ? "yes, it met your need" : "no, it did not meet your need") + ".</p>";
        String more = !offerMore ? "" : (chinese ? "<p>您还可以打分并留言：</p>" : "<p>You may add a rating and a "
                + "comment:</p>") + form(token, chinese, Optional.of(answer));
        return page(200, chinese, thanks + more);
    }

    static HttpAnswer refused(int status, boolean chinese) {
        return page(status, chinese, chinese
                ? "<h1>链接无效或已过期</h1><p>请使用订单回访邮件中的链接。链接在发出后一段时间内有效。</p>"
                : "<h1>This link is not valid</h1><p>It may have expired. Please use the link in the e-mail about "
                  + "your order; it works for some weeks after it was sent.</p>");
    }

    static HttpAnswer tooLarge(boolean chinese) {
        return page(413, chinese, chinese ? "<h1>内容过长</h1><p>留言最多1000个字。</p>"
                : "<h1>Too long</h1><p>A comment has at most 1,000 characters.</p>");
    }

    static HttpAnswer methodNotAllowed() {
        return PublicPage.methodNotAllowed();
    }

    private static HttpAnswer page(int status, boolean chinese, String content) {
        return PublicPage.of(status, chinese, (chinese ? "订单回访" : "Your order"), content);
    }
}
