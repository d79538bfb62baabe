package org.hotline.cti.customers;

import java.time.Instant;

/** What the screen pop shows of an open work order: enough to recognise it and to see it is late. */
public record WorkOrderSummary(String number, String type, String status, String priority, Instant createdAt,
                               Instant dueAt, String title) {}
