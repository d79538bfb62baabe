package org.hotline.cti.workorders;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Where exported work orders go: one header, then one row per order. */
sealed interface WorkOrderExport extends Closeable {
    List<String> COLUMNS = List.of("order_no", "type", "priority", "status", "sla_state", "title", "customer_id",
            "caller_number", "area", "address", "creator", "department", "team", "assignee", "created_at",
            "resolve_by", "resolved_at", "closed_at", "source_call_id", "return_reason", "resolution");
    DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    String format();

    void header();

    void row(WorkOrder o, ZoneId zone);

    static List<String> values(WorkOrder o, ZoneId zone) {
        return java.util.Arrays.asList(o.orderNo(), o.typeCode(), o.priority().name(), o.status().name(),
                o.slaState().name(), o.title(), o.customerId(), o.callerNumber(), o.area(), o.address(), o.creatorId(),
                o.departmentId(), o.teamId(), o.assigneeId(), time(o.createdAt(), zone),
                time(o.deadlines().resolveBy(), zone), time(o.resolvedAt(), zone), time(o.closedAt(), zone),
                o.sourceCallId(), o.returnReason(), o.resolution());
    }

    private static String time(Instant i, ZoneId zone) {
        return i == null ? null : TIME.format(i.atZone(zone));
    }

    /** RFC 4180 CSV in UTF-8 with a byte-order mark. */
    final class Csv implements WorkOrderExport {
        private final BufferedWriter out;

        Csv(OutputStream out) {
            this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        }

        @Override
        public String format() {
            return "CSV";
        }

        @Override
        public void header() {
            write("\uFEFF");
            line(COLUMNS);
        }

        @Override
        public void row(WorkOrder o, ZoneId zone) {
            line(values(o, zone));
        }

        private void line(List<String> cells) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append(quote(cells.get(i)));
            }
            write(b.append("\r\n").toString());
        }

        static String quote(String v) {
            if (v == null) {
                return "";
            }
            // A leading = + - @ would run as a formula in a spreadsheet: keep it text.
            String safe = !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
            if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
                return "\"" + safe.replace("\"", "\"\"") + "\"";
            }
            return safe;
        }

        private void write(String s) {
            try {
                out.write(s);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }

    /** An .xlsx workbook written in a streaming window, so a large export does not fill the heap. */
    final class Excel implements WorkOrderExport {
        private final OutputStream out;
        private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        private final Sheet sheet = workbook.createSheet("work orders");
        private int next;

        Excel(OutputStream out) {
            this.out = out;
        }

        @Override
        public String format() {
            return "Excel";
        }

        @Override
        public void header() {
            line(COLUMNS);
        }

        @Override
        public void row(WorkOrder o, ZoneId zone) {
            line(values(o, zone));
        }

        private void line(List<String> cells) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < cells.size(); i++) {
                if (cells.get(i) != null) {
                    row.createCell(i).setCellValue(cells.get(i));
                }
            }
        }

        @Override
        public void close() throws IOException {
            try {
                workbook.write(out);
                out.flush();
            } finally {
                workbook.close();
            }
        }
    }
}
