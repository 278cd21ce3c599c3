/**
 * The SMS adapter: AWS End User Messaging SMS ({@code pinpoint-sms-voice-v2}) {@code SendTextMessage}, called
 * over the SDK's HTTP client and signed with the SDK's SigV4 signer.
 */
package dev.storecrm.platform.sms;
