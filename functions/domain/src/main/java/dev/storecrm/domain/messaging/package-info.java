/**
 * Messages out: the request a workflow puts on the outbox, the rules re-checked at send time
 * (consent, suppression, membership, open disputes, the journey's exit), quiet hours, the frequency
 * cap, rendering of the Mustache templates with every value escaped, one-click unsubscribe tokens,
 * and the send ledger that lets one message go per business key. Only ports: SES, SQS and DynamoDB
 * stand behind them in {@code dev.storecrm.platform}.
 */
package dev.storecrm.domain.messaging;
