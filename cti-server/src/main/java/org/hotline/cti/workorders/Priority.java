package org.hotline.cti.workorders;

/** How urgent a work order is; SLA policies are defined per type and priority. */
public enum Priority {
    URGENT,
    HIGH,
    NORMAL,
    LOW
}
