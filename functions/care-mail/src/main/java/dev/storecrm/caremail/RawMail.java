package dev.storecrm.caremail;

/** The raw messages SES stored: the bytes of one, by bucket and key. */
interface RawMail {

    byte[] read(String bucket, String key);
}
