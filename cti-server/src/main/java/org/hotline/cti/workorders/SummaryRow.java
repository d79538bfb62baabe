package org.hotline.cti.workorders;

import java.time.LocalDate;

/** Counts of the work orders created in one week, month or year (starting on {@code periodStart}). */
public record SummaryRow(LocalDate periodStart, long created, long resolved, long closed, long returned, long overdue) {
    SummaryRow plus(SummaryRow o) {
        return new SummaryRow(periodStart, created + o.created, resolved + o.resolved, closed + o.closed,
                returned + o.returned, overdue + o.overdue);
    }
}
