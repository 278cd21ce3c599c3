/**
 * FeedbackLandingFunction, behind a public function URL ({@code AuthType: NONE}; the signed token of the link is
 * the authority): the landing of the post-purchase follow-up. The member says whether the order met the need,
 * with an optional rating and comment; the answer is kept once per order for the staff's list.
 */
package dev.storecrm.feedbacklanding;
