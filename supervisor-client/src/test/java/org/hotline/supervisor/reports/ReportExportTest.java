package org.hotline.supervisor.reports;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hotline.agent.Messages;
import org.hotline.api.v1.CallReportResponse;
import org.hotline.api.v1.CallReportRow;
import org.hotline.api.v1.ReportGranularity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every export, opened again and read: the figures in the file are the server's rows. */
class ReportExportTest {
    final CallReportResponse server = FakeReports.callRows(24);
    final ReportTable table = new ReportRows(Messages.of("org.hotline.supervisor.messages", Locale.SIMPLIFIED_CHINESE))
            .calls(server, new ReportRows.Heading(ReportKind.CALLS, ReportGroup.QUEUE,
                    ReportGranularity.REPORT_GRANULARITY_MINUTES_60, "2027-03-01 至 2027-03-01（Asia/Shanghai）",
                    ZoneId.of("Asia/Shanghai")));
    @TempDir
    Path dir;

    private Path export(ExportFormat format) throws Exception {
        return new ReportExport(format, table, ReportCharts.chart(table, 0, ChartType.BAR), dir.resolve("r." + format.extension()))
                .run(p -> { });
    }

    @Test
    void theCsvHasABomAHeaderAndTheServersRows() throws Exception {
        byte[] bytes = Files.readAllBytes(export(ExportFormat.CSV));
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(bytes, StandardCharsets.UTF_8).substring(1).lines().toList();
        assertThat(lines.get(0)).startsWith("时段,队列,呼入量,接通量,放弃量");
        assertThat(lines).hasSize(1 + server.getRowsCount());
        for (int i = 0; i < server.getRowsCount(); i++) {
            CallReportRow r = server.getRows(i);
            String[] cells = lines.get(i + 1).split(",");
            assertThat(cells[1]).isEqualTo(r.getKey());
            assertThat(Long.parseLong(cells[2])).isEqualTo(r.getOffered());
            assertThat(Long.parseLong(cells[4])).isEqualTo(r.getAbandoned());
            assertThat(Double.parseDouble(cells[7])).isCloseTo(r.getServiceLevelPercent(), org.assertj.core.data.Offset.offset(0.05));
            assertThat(Double.parseDouble(cells[10])).isCloseTo(r.getAverageHandleSeconds(), org.assertj.core.data.Offset.offset(0.05));
        }
    }

    @Test
    void theWorkbookHasAHeaderRowAndNumericCellsEqualToTheServersRows() throws Exception {
        try (InputStream in = Files.newInputStream(export(ExportFormat.XLSX)); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("队列");
            assertThat(sheet.getRow(0).getCell(7).getStringCellValue()).isEqualTo("服务水平 %");
            assertThat(sheet.getLastRowNum()).isEqualTo(server.getRowsCount());
            for (int i = 0; i < server.getRowsCount(); i++) {
                CallReportRow r = server.getRows(i);
                Row row = sheet.getRow(i + 1);
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(r.getKey());
                assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(r.getOffered());
                assertThat(row.getCell(7).getNumericCellValue()).isEqualTo(r.getServiceLevelPercent());
                assertThat(row.getCell(9).getNumericCellValue()).isEqualTo(r.getAverageSpeedOfAnswerSeconds());
            }
        }
    }

    @Test
    void thePdfCarriesTitlePeriodChineseKeysAndFiguresInAnEmbeddedFont() throws Exception {
        Path pdf = export(ExportFormat.PDF);
        PdfReader reader = new PdfReader(pdf.toString());
        try {
            StringBuilder text = new StringBuilder();
            for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                text.append(new PdfTextExtractor(reader).getTextFromPage(p)).append('\n');
            }
            assertThat(text).contains("话务报表", "2027-03-01 至 2027-03-01", "服务水平 %", "燃氣搶修", "general");
            CallReportRow last = server.getRows(server.getRowsCount() - 1);
            assertThat(text).contains(Long.toString(last.getOffered()),
                    String.format(Locale.ROOT, "%.1f", last.getAverageHandleSeconds()));
            String raw = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
            assertThat(raw).as("an embedded font file").containsAnyOf("/FontFile2", "/FontFile3");
            assertThat(raw).as("the chart image").contains("/Subtype/Image");
        } finally {
            reader.close();
        }
    }

    @Test
    void theHtmlPageIsSelfContainedWithTheChartAndTheTable() throws Exception {
        String html = Files.readString(export(ExportFormat.HTML));
        assertThat(html).contains("<meta charset=\"utf-8\">", "<h1>话务报表");
        Matcher img = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        assertThat(img.find()).isTrue();
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(Base64.getDecoder().decode(img.group(1)))).getWidth())
                .isEqualTo(Exporter.CHART_WIDTH);
        assertThat(html).doesNotContain("src=\"http");
        Matcher row = Pattern.compile("<tr><td>([^<]*)</td><td>([^<]*)</td><td class=\"n\">(\\d+)</td>").matcher(html);
        List<String> offered = new ArrayList<>();
        while (row.find()) {
            offered.add(row.group(2) + "=" + row.group(3));
        }
        assertThat(offered).containsExactlyElementsOf(server.getRowsList().stream()
                .map(r -> r.getKey() + "=" + r.getOffered()).toList());
    }

    @Test
    void thePngIsTheChart() throws Exception {
        var image = ImageIO.read(export(ExportFormat.PNG).toFile());
        assertThat(image.getWidth()).isEqualTo(Exporter.CHART_WIDTH);
        assertThat(image.getHeight()).isEqualTo(Exporter.CHART_HEIGHT);
    }

    @Test
    void aCancelledExportLeavesNoFileAndKeepsAnOlderOne() throws Exception {
        for (ExportFormat format : List.of(ExportFormat.CSV, ExportFormat.XLSX, ExportFormat.PDF, ExportFormat.HTML)) {
            Path target = dir.resolve("cancelled." + format.extension());
            AtomicReference<ReportExport> job = new AtomicReference<>();
            job.set(new ReportExport(format, table, ReportCharts.chart(table, 0, ChartType.LINE), target));
            List<Double> seen = new ArrayList<>();
            assertThatThrownBy(() -> job.get().run(p -> {
                seen.add(p);
                if (seen.size() == 5) {
                    job.get().cancel();
                }
            })).isInstanceOf(CancellationException.class);
            assertThat(seen).as(format + " stopped at the next row").hasSize(5);
            try (var files = Files.list(dir)) {
                assertThat(files.map(f -> f.getFileName().toString())).as(format.name())
                        .noneMatch(n -> n.startsWith("cancelled."));
            }
        }
        Path older = Files.writeString(dir.resolve("older.csv"), "kept");
        ReportExport job = new ReportExport(ExportFormat.CSV, table, ReportCharts.chart(table, 0, ChartType.PIE), older);
        job.cancel();
        assertThatThrownBy(() -> job.run(p -> { })).isInstanceOf(CancellationException.class);
        assertThat(Files.readString(older)).isEqualTo("kept");
    }
}
