package dev.storecrm.domain.member;

/** How the member prefers to be contacted; staff follow-up lists show it. */
public enum ContactPreference { email, sms, phone, post, none }
