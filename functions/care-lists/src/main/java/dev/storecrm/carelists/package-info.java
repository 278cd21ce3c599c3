/**
 * CareListsFunction, behind an IAM function URL: the lists customer-care staff work from (this
 * month's birthdays, the dormant members' follow-up, the win-back wake-up rate), as CSV or JSON.
 * It only reads.
 */
package dev.storecrm.carelists;
