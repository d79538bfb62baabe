package org.hotline.supervisor.reports;

/** How the chosen figure is drawn: per bucket and key as bars or lines, or each key's share as a pie. */
public enum ChartType {
    BAR,
    LINE,
    PIE;

    public String textKey() {
        return "reports.chart." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
