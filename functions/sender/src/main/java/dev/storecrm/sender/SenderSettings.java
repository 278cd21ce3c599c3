package dev.storecrm.sender;

import dev.storecrm.domain.messaging.CapPriorities;
import dev.storecrm.domain.messaging.QuietHours;
import dev.storecrm.domain.messaging.SubjectPrefixes;
import dev.storecrm.platform.Settings;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * SenderFunction's policy, from its environment (template parameters), with the defaults the
 * product ships:
 *
 * @param marketingCap      at most one marketing e-mail per member in this window (16 h)
 * @param quietHours        no marketing in the recipient's local night (21:00-09:00)
 * @param accountRate       the SES account's maximum send rate, per second
 * @param instances         how many sender instances share it (the template caps their concurrency)
 * @param lease             how long a claimed business key is held before another copy may retry it
 * @param throttleRetry     first wait after SES throttling (doubling on repeats, at most 15 minutes)
 * @param maxDeferrals      a request put off more often than this is failed, not deferred forever
 * @param capPriorities     the order in which marketing kinds take a member's cap slot (greetings first)
 * @param postalAddress     the store's postal address, in every marketing e-mail's footer (CAN-SPAM)
 * @param pauseLooks        while the reputation guard has marketing e-mail paused, when a message put off is looked
 *                          at again (a quarter of the pause so far, from 15 minutes to an hour)
 */
record SenderSettings(Duration marketingCap, QuietHours quietHours, ZoneId storeTimeZone, String defaultLocale,
                      List<String> supportedLocales, SubjectPrefixes subjectPrefixes, double accountRate,
                      long instances, Duration lease, Duration throttleRetry, int maxDeferrals, String storeName,
                      String storeUrl, String postalAddress, String unsubscribeUrl, Duration unsubscribeValidity,
                      CapPriorities capPriorities, PauseLooks pauseLooks) {

    static SenderSettings from(Settings env) {
        double accountRate = Double.parseDouble(env.optional("SES_MAX_SEND_RATE", "14"));
        long instances = env.longValue("SENDER_MAX_INSTANCES", 4);
        if (accountRate <= 0 || instances < 1) {
            throw new IllegalStateException("SES_MAX_SEND_RATE must be positive and SENDER_MAX_INSTANCES at least 1");
        }
        try {
            return new SenderSettings(
                    Duration.ofHours(env.longValue("MARKETING_CAP_HOURS", 16)),
                    QuietHours.parse(env.optional("QUIET_HOURS", "21:00-09:00")),
                    ZoneId.of(env.required("STORE_TIME_ZONE")),
                    env.optional("DEFAULT_LOCALE", "zh-CN"),
                    Arrays.stream(env.optional("SUPPORTED_LOCALES", "zh-CN,en").split(",")).map(String::trim).toList(),
                    SubjectPrefixes.parse(env.optional("MARKETING_SUBJECT_PREFIXES", SubjectPrefixes.DEFAULT)),
                    accountRate, instances,
                    Duration.ofSeconds(env.longValue("SEND_LEASE_SECONDS", 120)),
                    Duration.ofSeconds(env.longValue("THROTTLE_RETRY_SECONDS", 60)),
                    (int) env.longValue("MAX_DEFERRALS", 100),
                    env.required("STORE_NAME"),
                    env.required("STORE_URL"),
                    env.required("STORE_POSTAL_ADDRESS"),
                    env.required("UNSUBSCRIBE_URL"),
                    Duration.ofDays(env.longValue("UNSUBSCRIBE_TOKEN_DAYS", 180)),
                    CapPriorities.parse(env.optional("MARKETING_PRIORITIES", CapPriorities.DEFAULT)),
                    new PauseLooks(Duration.ofMinutes(env.longValue("REPUTATION_RECHECK_MINUTES", 15)),
                            Duration.ofMinutes(env.longValue("REPUTATION_RECHECK_MAX_MINUTES", 60))));
        } catch (RuntimeException e) {
            if (e instanceof IllegalStateException) {
                throw e;
            }
            throw new IllegalStateException("sender settings are invalid: " + e.getMessage(), e);
        }
    }
}
