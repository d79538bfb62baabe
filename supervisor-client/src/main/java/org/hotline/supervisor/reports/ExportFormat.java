package org.hotline.supervisor.reports;

import java.util.Locale;

/** The files a report exports to. */
public enum ExportFormat {
    PDF("pdf", new PdfExporter()),
    XLSX("xlsx", new XlsxExporter()),
    CSV("csv", new CsvExporter()),
    HTML("html", new HtmlExporter()),
    PNG("png", new PngExporter());

    private final String extension;
    private final Exporter exporter;

    ExportFormat(String extension, Exporter exporter) {
        this.extension = extension;
        this.exporter = exporter;
    }

    public String extension() {
        return extension;
    }

    Exporter exporter() {
        return exporter;
    }

    public String textKey() {
        return "reports.export." + name().toLowerCase(Locale.ROOT);
    }
}
