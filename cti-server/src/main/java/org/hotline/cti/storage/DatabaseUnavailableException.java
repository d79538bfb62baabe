package org.hotline.cti.storage;

/**
 * The database could not be reached or prepared at start. An expected operating condition
 * (wrong URL, server down, wrong password): the message says what to check, and there is no
 * stack trace to print.
 */
public final class DatabaseUnavailableException extends RuntimeException {
    public DatabaseUnavailableException(String message) {
        super(message, null, false, false);
    }
}
