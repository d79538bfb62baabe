package org.hotline.supervisor.reports;

import java.util.Locale;

import org.hotline.api.v1.ReportGrouping;
import org.hotline.api.v1.WorkOrderReportGrouping;

/**
 * What a report's rows are per: queue, agent or team for calls and states; type, status, area or
 * department for work orders; the menu path for IVR usage.
 */
public enum ReportGroup {
    QUEUE,
    AGENT,
    TEAM,
    TYPE,
    STATUS,
    AREA,
    DEPARTMENT,
    MENU;

    ReportGrouping callGrouping() {
        return switch (this) {
            case QUEUE -> ReportGrouping.REPORT_GROUPING_QUEUE;
            case AGENT -> ReportGrouping.REPORT_GROUPING_AGENT;
            case TEAM -> ReportGrouping.REPORT_GROUPING_TEAM;
            default -> throw new IllegalArgumentException("group: " + this + " (expected: QUEUE, AGENT or TEAM)");
        };
    }

    WorkOrderReportGrouping workOrderGrouping() {
        return switch (this) {
            case TYPE -> WorkOrderReportGrouping.WORK_ORDER_REPORT_GROUPING_TYPE;
            case STATUS -> WorkOrderReportGrouping.WORK_ORDER_REPORT_GROUPING_STATUS;
            case AREA -> WorkOrderReportGrouping.WORK_ORDER_REPORT_GROUPING_AREA;
            case DEPARTMENT -> WorkOrderReportGrouping.WORK_ORDER_REPORT_GROUPING_DEPARTMENT;
            default -> throw new IllegalArgumentException("group: " + this + " (expected: TYPE, STATUS, AREA or DEPARTMENT)");
        };
    }

    public String textKey() {
        return "reports.group." + name().toLowerCase(Locale.ROOT);
    }
}
