/**
 * CareListsFunction, behind an IAM function URL and the staff API: the lists customer-care staff work
 * from (this month's birthdays, the dormant members' follow-up, the win-back wake-up rate), as CSV or
 * JSON, the follow-up calls made from them, and whole lists exported to S3 behind a short-lived link.
 */
package dev.storecrm.carelists;
