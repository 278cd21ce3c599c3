/**
 * The occasions a member is greeted on every year (birthday, anniversaries, joining date), in the
 * member's own time zone: when each greeting is due, across 29 February and daylight-saving changes,
 * and the diary port that files them so an hourly run reads only the greetings due in it.
 */
package dev.storecrm.domain.occasion;
