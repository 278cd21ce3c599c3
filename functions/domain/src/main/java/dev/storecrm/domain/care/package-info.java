/**
 * Customer care's worked lists: the follow-up calls staff make from this month's birthday list and
 * the dormant member list (回访表), recorded with their outcome and note and shown back on the lists.
 */
package dev.storecrm.domain.care;
