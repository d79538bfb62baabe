package org.hotline.supervisor.reports;

import java.io.IOException;
import java.io.OutputStream;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/** The chart alone, as a PNG. */
final class PngExporter implements Exporter {
    @Override
    public void write(ReportTable table, JFreeChart chart, OutputStream out, Progress progress) throws IOException {
        ChartUtils.writeChartAsPNG(out, chart, CHART_WIDTH, CHART_HEIGHT);
        progress.step(1, 1);
    }
}
