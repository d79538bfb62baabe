package org.hotline.cti.calls;

/** State of one party in a call (CSTA). */
public enum ConnectionState { INITIATED, ALERTING, CONNECTED, HELD, QUEUED }
