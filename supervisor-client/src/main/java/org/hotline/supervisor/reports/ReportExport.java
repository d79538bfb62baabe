package org.hotline.supervisor.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleConsumer;

import org.jfree.chart.JFreeChart;

import static java.util.Objects.requireNonNull;

/**
 * One export, run on a worker thread: written to a {@code .part} file beside the target and moved
 * into place only when complete, so a cancelled or failed export leaves no file behind (and an
 * older file of the same name untouched).
 */
public final class ReportExport {
    private final ExportFormat format;
    private final ReportTable table;
    private final JFreeChart chart;
    private final Path target;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public ReportExport(ExportFormat format, ReportTable table, JFreeChart chart, Path target) {
        this.format = requireNonNull(format, "format");
        this.table = requireNonNull(table, "table");
        this.chart = requireNonNull(chart, "chart");
        this.target = requireNonNull(target, "target").toAbsolutePath();
    }

    /** Asks the export to stop at its next row; it then throws {@link CancellationException}. */
    public void cancel() {
        cancelled.set(true);
    }

    /**
     * Writes the file, telling {@code progress} the share done (0..1).
     *
     * @throws CancellationException when {@link #cancel} was called before it finished
     */
    public Path run(DoubleConsumer progress) throws IOException {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try {
            try (OutputStream out = Files.newOutputStream(part)) {
                format.exporter().write(table, chart, out, (done, total) -> {
                    if (cancelled.get()) {
                        throw new CancellationException("export of " + target.getFileName() + " cancelled");
                    }
                    progress.accept(total == 0 ? 1 : (double) done / total);
                });
            }
            if (cancelled.get()) {
                throw new CancellationException("export of " + target.getFileName() + " cancelled");
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            progress.accept(1);
            return target;
        } finally {
            Files.deleteIfExists(part);
        }
    }
}
