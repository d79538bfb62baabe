package org.hotline.supervisor.reports;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.jfree.chart.JFreeChart;

/**
 * A PDF (A4 landscape): title, period, the chart and the table, in an embedded Chinese font. On a
 * machine without one it refuses with {@link MissingCjkFontException} rather than print boxes.
 */
final class PdfExporter implements Exporter {
    /** No font with Chinese glyphs was found to embed. */
    static final class MissingCjkFontException extends IOException {
        MissingCjkFontException() {
            super("no font with Chinese glyphs to embed in the PDF (expected: Microsoft YaHei, Noto Sans CJK or"
                    + " WenQuanYi installed, or HOTLINE_PDF_FONT naming a .ttf/.otf/.ttc file)");
        }
    }

    @Override
    public void write(ReportTable table, JFreeChart chart, OutputStream out, Progress progress) throws IOException {
        String fontFile = CjkFontFile.find().orElseThrow(MissingCjkFontException::new);
        Document doc = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
        try {
            BaseFont base = BaseFont.createFont(fontFile, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            com.lowagie.text.Font title = new com.lowagie.text.Font(base, 16, com.lowagie.text.Font.BOLD);
            com.lowagie.text.Font text = new com.lowagie.text.Font(base, 10);
            com.lowagie.text.Font cell = new com.lowagie.text.Font(base, 7.5f);
            PdfWriter.getInstance(doc, out).setCloseStream(false);
            doc.addTitle(table.title());
            doc.open();
            doc.add(new Paragraph(table.title(), title));
            doc.add(new Paragraph(table.period(), text));
            BufferedImage image = chart.createBufferedImage(CHART_WIDTH, CHART_HEIGHT);
            Image png = Image.getInstance(image, null);
            png.scaleToFit(doc.getPageSize().getWidth() - 56, 260);
            png.setAlignment(Element.ALIGN_CENTER);
            doc.add(png);
            PdfPTable grid = new PdfPTable(table.columns().size() + 2);
            grid.setWidthPercentage(100);
            float[] widths = new float[table.columns().size() + 2];
            java.util.Arrays.fill(widths, 1f);
            widths[0] = 2.2f; // a bucket ("2026-12-02 06:15") on one line
            widths[1] = 1.4f;
            grid.setWidths(widths);
            grid.setHeaderRows(1);
            grid.setSpacingBefore(8);
            header(grid, table.bucketHeader(), cell);
            header(grid, table.keyHeader(), cell);
            table.columns().forEach(c -> header(grid, c.label(), cell));
            int done = 0;
            for (ReportTable.Row r : table.rows()) {
                grid.addCell(new Phrase(r.bucket(), cell));
                grid.addCell(new Phrase(r.key(), cell));
                for (int i = 0; i < table.columns().size(); i++) {
                    PdfPCell c = new PdfPCell(new Phrase(ReportTable.format(table.columns().get(i), r.value(i)), cell));
                    c.setHorizontalAlignment(Element.ALIGN_RIGHT);
                    grid.addCell(c);
                }
                progress.step(++done, table.rows().size());
            }
            doc.add(grid);
        } catch (DocumentException e) {
            throw new IOException("PDF: " + e.getMessage(), e);
        } finally {
            if (doc.isOpen()) {
                doc.close();
            }
        }
    }

    private static void header(PdfPTable grid, String label, com.lowagie.text.Font font) {
        PdfPCell c = new PdfPCell(new Phrase(label, font));
        c.setBackgroundColor(new java.awt.Color(0xEE, 0xEE, 0xFF));
        grid.addCell(c);
    }
}
