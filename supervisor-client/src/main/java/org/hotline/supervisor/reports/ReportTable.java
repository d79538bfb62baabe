package org.hotline.supervisor.reports;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A report as shown and exported: a title, the period, and rows of a bucket, a key (queue, agent,
 * team, type ...) and one figure per column. Figures are the server's, converted only in unit
 * (milliseconds to minutes); every view and export reads this one table.
 */
public record ReportTable(String title, String period, String bucketHeader, String keyHeader, List<Column> columns,
                          List<Row> rows) {
    public ReportTable {
        requireNonNull(title, "title");
        requireNonNull(period, "period");
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** How a figure reads: a count, a percentage, seconds or minutes. */
    public enum Unit {
        COUNT,
        PERCENT,
        SECONDS,
        MINUTES;

        /** Counts add up over buckets (a pie of them makes sense); rates and averages do not. */
        public boolean additive() {
            return this == COUNT || this == MINUTES;
        }
    }

    public record Column(String label, Unit unit) {}

    public record Row(String bucket, String key, List<Double> values) {
        public Row {
            values = List.copyOf(values);
        }

        public double value(int column) {
            return values.get(column);
        }
    }

    /** The figure as text: whole counts without decimals, the others with one. */
    public static String format(Column c, double v) {
        return c.unit() == Unit.COUNT ? Long.toString(Math.round(v)) : String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    public static ReportTable empty() {
        return new ReportTable("", "", "", "", List.of(), List.of());
    }
}
