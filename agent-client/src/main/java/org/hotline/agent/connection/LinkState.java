package org.hotline.agent.connection;

/** The desk's link to the server, as the banner shows it. */
public enum LinkState {
    /** Subscribing; no snapshot yet. */
    CONNECTING,
    /** The stream is up and the snapshot arrived. */
    CONNECTED,
    /** The link broke; the desk retries with backoff and resyncs from a fresh snapshot. */
    RECONNECTING,
    /** The server ended the session (logged out, taken over elsewhere, forced out): no retry. */
    ENDED
}
