package org.hotline.cti.workorders;

/** One group of a work-order count: its key (status, type, area or department), how many, how many in Warning and Overdue. */
public record CountedOrders(String key, long total, long warning, long overdue) {
}
