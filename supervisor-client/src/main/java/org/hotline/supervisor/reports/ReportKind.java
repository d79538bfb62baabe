package org.hotline.supervisor.reports;

import java.util.List;

import org.hotline.api.v1.ReportGranularity;

/** The reports a team lead can run, with the groupings and buckets each allows. */
public enum ReportKind {
    CALLS(List.of(ReportGroup.QUEUE, ReportGroup.AGENT, ReportGroup.TEAM), Buckets.ALL),
    AGENT_STATES(List.of(ReportGroup.AGENT, ReportGroup.TEAM), Buckets.ALL),
    // Work orders are counted per day of creation: no minute buckets.
    WORK_ORDERS(List.of(ReportGroup.TYPE, ReportGroup.STATUS, ReportGroup.AREA, ReportGroup.DEPARTMENT), Buckets.CALENDAR),
    // IVR usage per menu path (the keys callers pressed).
    IVR(List.of(ReportGroup.MENU), Buckets.ALL);

    private final List<ReportGroup> groups;
    private final List<ReportGranularity> granularities;

    ReportKind(List<ReportGroup> groups, List<ReportGranularity> granularities) {
        this.groups = groups;
        this.granularities = granularities;
    }

    public List<ReportGroup> groups() {
        return groups;
    }

    public List<ReportGranularity> granularities() {
        return granularities;
    }

    /** The bundle key of the report's name. */
    public String textKey() {
        return "reports.kind." + name().toLowerCase(java.util.Locale.ROOT);
    }

    private static final class Buckets {
        static final List<ReportGranularity> CALENDAR = List.of(ReportGranularity.REPORT_GRANULARITY_DAY,
                ReportGranularity.REPORT_GRANULARITY_MONTH, ReportGranularity.REPORT_GRANULARITY_YEAR);
        static final List<ReportGranularity> ALL = List.of(ReportGranularity.REPORT_GRANULARITY_MINUTES_15,
                ReportGranularity.REPORT_GRANULARITY_MINUTES_30, ReportGranularity.REPORT_GRANULARITY_MINUTES_60,
                ReportGranularity.REPORT_GRANULARITY_DAY, ReportGranularity.REPORT_GRANULARITY_MONTH,
                ReportGranularity.REPORT_GRANULARITY_YEAR);
    }
}
