package org.hotline.supervisor.reports;

import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PiePlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DefaultPieDataset;

/**
 * The chart of one column of a report (JFreeChart, drawn the same on screen and in the exports):
 * bars or lines with the buckets along the axis and one series per key, or a pie of each key's
 * total (counts and minutes) or mean (rates and averages) over the buckets. Its text uses a font
 * with Chinese glyphs when the machine has one.
 */
public final class ReportCharts {
    private static final List<String> CJK_FAMILIES = List.of("Microsoft YaHei UI", "Microsoft YaHei", "Noto Sans CJK SC",
            "Noto Sans CJK TC", "Noto Sans SC", "WenQuanYi Micro Hei", "Source Han Sans SC", "PingFang SC");
    private static final String FAMILY = family();

    private ReportCharts() {
    }

    public static JFreeChart chart(ReportTable table, int column, ChartType type) {
        String measure = column < table.columns().size() ? table.columns().get(column).label() : "";
        JFreeChart chart;
        if (type == ChartType.PIE) {
            DefaultPieDataset<String> pie = new DefaultPieDataset<>();
            boolean additive = column < table.columns().size() && table.columns().get(column).unit().additive();
            Map<String, double[]> byKey = new LinkedHashMap<>();
            for (ReportTable.Row r : table.rows()) {
                double[] sum = byKey.computeIfAbsent(r.key(), k -> new double[2]);
                sum[0] += r.value(column);
                sum[1]++;
            }
            byKey.forEach((k, s) -> pie.setValue(k, additive ? s[0] : s[0] / s[1]));
            chart = ChartFactory.createPieChart(measure, pie, true, true, false);
            ((PiePlot<?>) chart.getPlot()).setBackgroundPaint(Color.WHITE);
        } else {
            DefaultCategoryDataset data = new DefaultCategoryDataset();
            for (ReportTable.Row r : table.rows()) {
                data.addValue(r.value(column), r.key(), r.bucket());
            }
            chart = type == ChartType.BAR
                    ? ChartFactory.createBarChart(measure, table.bucketHeader(), measure, data, PlotOrientation.VERTICAL, true,
                    true, false)
                    : ChartFactory.createLineChart(measure, table.bucketHeader(), measure, data, PlotOrientation.VERTICAL,
                    true, true, false);
            CategoryPlot plot = chart.getCategoryPlot();
            plot.setBackgroundPaint(Color.WHITE);
            plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
            plot.getDomainAxis().setCategoryLabelPositions(
                    org.jfree.chart.axis.CategoryLabelPositions.UP_45);
        }
        theme().apply(chart);
        return chart;
    }

    /** The font family the charts use ({@code Dialog} when no Chinese font is installed). */
    public static String fontFamily() {
        return FAMILY;
    }

    private static StandardChartTheme theme() {
        StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        theme.setExtraLargeFont(new Font(FAMILY, Font.BOLD, 18));
        theme.setLargeFont(new Font(FAMILY, Font.BOLD, 14));
        theme.setRegularFont(new Font(FAMILY, Font.PLAIN, 12));
        theme.setSmallFont(new Font(FAMILY, Font.PLAIN, 10));
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setChartBackgroundPaint(Color.WHITE);
        return theme;
    }

    private static String family() {
        Set<String> installed = Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
        return CJK_FAMILIES.stream().filter(installed::contains).findFirst().orElse(Font.DIALOG);
    }
}
