package dev.storecrm.caremail;

import dev.storecrm.domain.caremail.CareChase;
import dev.storecrm.domain.caremail.CareIntake;
import dev.storecrm.domain.caremail.CareMessages;
import dev.storecrm.domain.caremail.CareRules;
import dev.storecrm.domain.caremail.WorkingHours;
import dev.storecrm.domain.dispute.RulePacks;
import dev.storecrm.domain.messaging.Recipient;
import dev.storecrm.platform.Settings;
import dev.storecrm.platform.SharedAdapters;
import dev.storecrm.platform.dynamodb.DynamoDbOpenDisputes;
import dev.storecrm.platform.dynamodb.DynamoDbOrderOwners;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The care workflow's parts, built once from a function's settings, shared by CareMailFunction and
 * CareDeskFunction: the rules ({@code CARE_RULES}), the working hours ({@code CARE_WORKING_HOURS},
 * {@code CARE_HOLIDAYS}, in {@code STORE_TIME_ZONE}), the chase ({@code CARE_REMINDER_HOURS}, 4,1), the team's
 * addresses ({@code CARE_AGENT_ADDRESS}, {@code CARE_ESCALATION_ADDRESS}), the care address the customer's mail
 * replies to ({@code CARE_ADDRESS}, with the conversation's token), the store and the intake.
 */
record CareComponents(CareIntake intake, DynamoDbConversations conversations, CareMessages messages,
                      CareRules rules) {

    static CareComponents from(SharedAdapters shared) {
        Settings env = shared.env();
        ZoneId zone = ZoneId.of(env.required("STORE_TIME_ZONE"));
        CareRules rules = CareRules.load(env.optional("CARE_RULES", ""));
        WorkingHours hours = WorkingHours.parse(env.optional("CARE_WORKING_HOURS", ""),
                env.optional("CARE_HOLIDAYS", ""), zone);
        List<Duration> reminders = RulePacks.hours(env.optional("CARE_REMINDER_HOURS", "4,1")).orElse(List.of());
        Optional<String> locale = Optional.of(env.optional("DISPUTE_AGENT_LOCALE", "zh-CN"));
        CareMessages messages = new CareMessages(rules,
                new Recipient.Address(env.required("CARE_AGENT_ADDRESS"), Optional.of("Customer care"), locale,
                        Optional.of(zone)),
                new Recipient.Address(env.required("CARE_ESCALATION_ADDRESS"), Optional.of("Escalation"), locale,
                        Optional.of(zone)), zone, env.required("CARE_ADDRESS"));
        DynamoDbConversations conversations = new DynamoDbConversations(shared.dynamoDb(),
                env.required("CARE_MAIL_TABLE"));
        DynamoDbCareCustomers customers = new DynamoDbCareCustomers(shared.dynamoDb(), env.required("MEMBERS_TABLE"),
                env.required("ORDERS_TABLE"), new DynamoDbOrderOwners(shared.dynamoDb(),
                        env.required("ORDER_OWNERS_TABLE"), Duration.ZERO, shared.clock()),
                new DynamoDbOpenDisputes(shared.dynamoDb(), env.required("DISPUTES_TABLE")));
        CareIntake intake = new CareIntake(conversations, customers, new CareIntake.Policy(rules, hours,
                new CareChase(reminders)), messages, shared.outbox(), shared.timers(), shared.clock());
        return new CareComponents(intake, conversations, messages, rules);
    }
}
