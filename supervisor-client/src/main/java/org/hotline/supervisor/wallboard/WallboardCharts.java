package org.hotline.supervisor.wallboard;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The board's two JFreeChart charts on the dark theme: calls per 15 minutes today against the
 * same weekday last week, and today's service level with its target. Their series hold one
 * point per bucket at most ({@link WallboardViewModel#BUCKETS}) and are refilled from the view
 * model, never appended to.
 */
final class WallboardCharts {
    static final Color BACKGROUND = new Color(0x14, 0x1b, 0x24);
    private static final Color TEXT = new Color(0xd8, 0xe0, 0xea);
    private static final Color GRID = new Color(0x33, 0x3f, 0x4d);
    private static final Color TODAY = new Color(0x4f, 0xc3, 0xf7);
    private static final Color LAST_WEEK = new Color(0x90, 0x9a, 0xa8);
    private static final Color LEVEL = new Color(0x66, 0xbb, 0x6a);
    private static final Color TARGET = new Color(0xff, 0xb3, 0x00);

    private final String family;
    final XYSeries callsToday;
    final XYSeries callsLastWeek;
    final XYSeries serviceLevel;
    final JFreeChart calls;
    final JFreeChart level;

    WallboardCharts(String family, String callsTitle, String todayName, String lastWeekName, String levelTitle,
                    String levelName, String hoursLabel, double target) {
        this.family = family;
        callsToday = series(todayName);
        callsLastWeek = series(lastWeekName);
        serviceLevel = series(levelName);
        XYSeriesCollection callsData = new XYSeriesCollection();
        callsData.addSeries(callsToday);
        callsData.addSeries(callsLastWeek);
        calls = chart(callsTitle, callsData, hoursLabel, false);
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) calls.getXYPlot().getRenderer();
        r.setSeriesPaint(0, TODAY);
        r.setSeriesStroke(0, new BasicStroke(4f));
        r.setSeriesPaint(1, LAST_WEEK);
        r.setSeriesShapesVisible(1, false);
        r.setSeriesStroke(1, new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {8f, 6f}, 0f));

        level = chart(levelTitle, new XYSeriesCollection(serviceLevel), hoursLabel, true);
        XYLineAndShapeRenderer lr = (XYLineAndShapeRenderer) level.getXYPlot().getRenderer();
        lr.setSeriesPaint(0, LEVEL);
        lr.setSeriesStroke(0, new BasicStroke(4f));
        ValueMarker marker = new ValueMarker(target, TARGET, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
                1f, new float[] {10f, 6f}, 0f));
        level.getXYPlot().addRangeMarker(marker);
    }

    private static XYSeries series(String name) {
        XYSeries s = new XYSeries(name, true, false);
        s.setMaximumItemCount(WallboardViewModel.BUCKETS);
        return s;
    }

    private JFreeChart chart(String title, XYSeriesCollection data, String hoursLabel, boolean percent) {
        NumberAxis x = new NumberAxis(hoursLabel);
        x.setRange(0, 24);
        x.setTickUnit(new NumberTickUnit(2));
        NumberAxis y = new NumberAxis();
        if (percent) {
            y.setRange(0, 100);
            y.setTickUnit(new NumberTickUnit(20));
        } else {
            y.setAutoRangeIncludesZero(true);
            y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        for (NumberAxis a : new NumberAxis[] {x, y}) {
            a.setTickLabelFont(font(20));
            a.setLabelFont(font(20));
            a.setTickLabelPaint(TEXT);
            a.setLabelPaint(TEXT);
            a.setAxisLinePaint(GRID);
            a.setTickMarkPaint(GRID);
        }
        // Points as well as lines: the first quarter hour of a day is a single point, which a line alone would not draw.
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setDefaultShape(new java.awt.geom.Ellipse2D.Double(-3, -3, 6, 6));
        renderer.setAutoPopulateSeriesShape(false);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(BACKGROUND);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        JFreeChart c = new JFreeChart(title, font(26), plot, true);
        c.setBackgroundPaint(BACKGROUND);
        c.setAntiAlias(true);
        TextTitle t = c.getTitle();
        t.setPaint(TEXT);
        t.setPadding(new org.jfree.chart.ui.RectangleInsets(10, 0, 6, 0));
        LegendTitle legend = c.getLegend();
        legend.setBackgroundPaint(BACKGROUND);
        legend.setItemPaint(TEXT);
        legend.setItemFont(font(20));
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        // JFreeChart measures text with AWT's metrics, JavaFX draws it with the CJK font's taller ones: leave room below.
        legend.setMargin(new org.jfree.chart.ui.RectangleInsets(4, 4, 14, 4));
        return c;
    }

    private Font font(int size) {
        return new Font(family, Font.PLAIN, size);
    }

    /** Refills a series from per-bucket values (NaN: no point), x in hours since midnight, as one change. */
    static void fill(XYSeries series, double[] values) {
        series.setNotify(false);
        series.clear();
        for (int b = 0; b < values.length; b++) {
            if (!Double.isNaN(values[b])) {
                series.add(b / 4.0, values[b], false);
            }
        }
        series.setNotify(true);
    }
}
