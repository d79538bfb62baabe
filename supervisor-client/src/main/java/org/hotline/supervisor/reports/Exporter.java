package org.hotline.supervisor.reports;

import java.io.IOException;
import java.io.OutputStream;

import org.jfree.chart.JFreeChart;

/** Writes a report (its table, its chart or both) in one format. */
interface Exporter {
    /** The size the chart is drawn at in exports. */
    int CHART_WIDTH = 960;
    int CHART_HEIGHT = 480;

    /**
     * @param progress told after each row; it throws {@link java.util.concurrent.CancellationException}
     *                 when the user cancelled, which stops the export there
     */
    void write(ReportTable table, JFreeChart chart, OutputStream out, Progress progress) throws IOException;

    /** How far an export is: {@code done} of {@code total} steps. */
    @FunctionalInterface
    interface Progress {
        void step(int done, int total);
    }
}
