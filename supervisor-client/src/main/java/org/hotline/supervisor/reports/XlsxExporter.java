package org.hotline.supervisor.reports;

import java.io.IOException;
import java.io.OutputStream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jfree.chart.JFreeChart;

/** An Excel workbook: a header row, then one row per report row with the figures as numeric cells. */
final class XlsxExporter implements Exporter {
    @Override
    public void write(ReportTable table, JFreeChart chart, OutputStream out, Progress progress) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("Report");
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle count = book.createCellStyle();
            count.setDataFormat(book.createDataFormat().getFormat("0"));
            CellStyle decimal = book.createCellStyle();
            decimal.setDataFormat(book.createDataFormat().getFormat("0.0"));
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue(table.bucketHeader());
            header.createCell(1).setCellValue(table.keyHeader());
            for (int i = 0; i < table.columns().size(); i++) {
                header.createCell(i + 2).setCellValue(table.columns().get(i).label());
            }
            header.forEach(c -> c.setCellStyle(bold));
            int done = 0;
            for (ReportTable.Row r : table.rows()) {
                Row row = sheet.createRow(++done);
                row.createCell(0).setCellValue(r.bucket());
                row.createCell(1).setCellValue(r.key());
                for (int i = 0; i < table.columns().size(); i++) {
                    var cell = row.createCell(i + 2);
                    cell.setCellValue(r.value(i));
                    cell.setCellStyle(table.columns().get(i).unit() == ReportTable.Unit.COUNT ? count : decimal);
                }
                progress.step(done, table.rows().size());
            }
            sheet.createFreezePane(0, 1);
            for (int i = 0; i < table.columns().size() + 2; i++) {
                sheet.setColumnWidth(i, 14 * 256);
            }
            book.write(out);
        }
    }
}
