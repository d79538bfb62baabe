package org.hotline.supervisor.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/** One self-contained HTML page: title, period, the chart as an embedded PNG and the table. */
final class HtmlExporter implements Exporter {
    @Override
    public void write(ReportTable table, JFreeChart chart, OutputStream out, Progress progress) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(png, chart, CHART_WIDTH, CHART_HEIGHT);
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + esc(table.title()) + "</title>\n<style>"
                + "body{font-family:'Microsoft YaHei','Noto Sans CJK SC',sans-serif;margin:24px}"
                + "table{border-collapse:collapse}th,td{border:1px solid #bbb;padding:3px 8px}"
                + "td.n{text-align:right}th{background:#eef}</style></head><body>\n");
        w.write("<h1>" + esc(table.title()) + "</h1>\n<p class=\"period\">" + esc(table.period()) + "</p>\n");
        w.write("<img alt=\"" + esc(table.title()) + "\" src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png.toByteArray()) + "\">\n");
        w.write("<table>\n<thead><tr><th>" + esc(table.bucketHeader()) + "</th><th>" + esc(table.keyHeader()) + "</th>");
        for (ReportTable.Column c : table.columns()) {
            w.write("<th>" + esc(c.label()) + "</th>");
        }
        w.write("</tr></thead>\n<tbody>\n");
        int done = 0;
        for (ReportTable.Row r : table.rows()) {
            w.write("<tr><td>" + esc(r.bucket()) + "</td><td>" + esc(r.key()) + "</td>");
            for (int i = 0; i < table.columns().size(); i++) {
                w.write("<td class=\"n\">" + ReportTable.format(table.columns().get(i), r.value(i)) + "</td>");
            }
            w.write("</tr>\n");
            progress.step(++done, table.rows().size());
        }
        w.write("</tbody>\n</table>\n</body></html>\n");
        w.flush();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
