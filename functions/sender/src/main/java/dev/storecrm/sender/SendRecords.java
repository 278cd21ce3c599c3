package dev.storecrm.sender;

import dev.storecrm.domain.messaging.FrequencyCap;
import dev.storecrm.domain.messaging.SendLedger;
import dev.storecrm.domain.messaging.Timers;

/**
 * Where the sender records what it does: the send ledger (one claim and one outcome per business key),
 * the members' frequency-cap slots, the timers that hold a message it puts off, and what it records of each settled
 * message ({@link Settlements}: its count by day, journey and outcome, and a marketing message's lift assignment).
 */
record SendRecords(SendLedger ledger, FrequencyCap cap, Timers timers, Settlements settlements) {}
