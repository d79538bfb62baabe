package org.hotline.supervisor.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;

/** CSV in UTF-8 with a byte-order mark (so Excel opens the Chinese text right), RFC 4180 quoting, a header row. */
final class CsvExporter implements Exporter {
    @Override
    public void write(ReportTable table, JFreeChart chart, OutputStream out, Progress progress) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        List<String> header = new ArrayList<>(List.of(table.bucketHeader(), table.keyHeader()));
        table.columns().forEach(c -> header.add(c.label()));
        line(w, header);
        int done = 0;
        for (ReportTable.Row r : table.rows()) {
            List<String> cells = new ArrayList<>(List.of(r.bucket(), r.key()));
            for (int i = 0; i < table.columns().size(); i++) {
                cells.add(ReportTable.format(table.columns().get(i), r.value(i)));
            }
            line(w, cells);
            progress.step(++done, table.rows().size());
        }
        w.flush();
    }

    private static void line(Writer w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            String c = cells.get(i);
            boolean quote = c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0;
            w.write(quote ? '"' + c.replace("\"", "\"\"") + '"' : c);
        }
        w.write("\r\n");
    }
}
