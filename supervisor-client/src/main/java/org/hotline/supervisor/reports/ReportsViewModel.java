package org.hotline.supervisor.reports;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hotline.agent.ErrorTexts;
import org.hotline.agent.Messages;
import org.hotline.api.v1.AgentStateReportRequest;
import org.hotline.api.v1.CallReportRequest;
import org.hotline.api.v1.IvrReportRequest;
import org.hotline.api.v1.ReportGranularity;
import org.hotline.api.v1.WorkOrderReportRequest;
import org.jfree.chart.JFreeChart;

import static java.util.Objects.requireNonNull;

/**
 * The Reports tab: which report, per what, in which buckets, over which days; the rows the server
 * computed; the figure the chart shows and how; and exports that run on a worker thread with
 * progress and cancel. The target file comes from the view (a file chooser), so tests pass a path.
 */
public final class ReportsViewModel {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private final ReportGateway gateway;
    private final Messages texts;
    private final ErrorTexts errors;
    private final ReportRows convert;
    private final Executor worker;
    private final Executor ui;

    private final ObjectProperty<ReportKind> kind = new SimpleObjectProperty<>(ReportKind.CALLS);
    private final ObservableList<ReportGroup> groups = FXCollections.observableArrayList();
    private final ObjectProperty<ReportGroup> group = new SimpleObjectProperty<>();
    private final ObservableList<ReportGranularity> granularities = FXCollections.observableArrayList();
    private final ObjectProperty<ReportGranularity> granularity = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObjectProperty<ReportTable> table = new SimpleObjectProperty<>(ReportTable.empty());
    private final ObservableList<ReportTable.Row> rows = FXCollections.observableArrayList();
    private final ObservableList<ReportTable.Column> measures = FXCollections.observableArrayList();
    // The same read-only lists every time: a listener on a throw-away wrapper would be lost to the GC.
    private final ObservableList<ReportGroup> groupsView = FXCollections.unmodifiableObservableList(groups);
    private final ObservableList<ReportGranularity> granularitiesView = FXCollections.unmodifiableObservableList(granularities);
    private final ObservableList<ReportTable.Row> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<ReportTable.Column> measuresView = FXCollections.unmodifiableObservableList(measures);
    private final IntegerProperty measure = new SimpleIntegerProperty(0);
    private final ObjectProperty<ChartType> chartType = new SimpleObjectProperty<>(ChartType.BAR);
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final BooleanProperty exporting = new SimpleBooleanProperty();
    private final DoubleProperty exportProgress = new SimpleDoubleProperty();
    private ZoneId zone;
    private ReportExport running;
    private long asked;

    /**
     * @param texts      the supervisor's texts; {@code deskTexts} the agent desk's (for the error sentences)
     * @param worker     where exports run (never the FX thread)
     * @param ui         the one hop back onto the FX thread
     */
    public ReportsViewModel(ReportGateway gateway, Messages texts, Messages deskTexts, Clock clock, Executor worker,
                            Executor ui) {
        this.gateway = requireNonNull(gateway, "gateway");
        this.texts = requireNonNull(texts, "texts");
        this.errors = new ErrorTexts(deskTexts);
        this.convert = new ReportRows(texts);
        this.worker = requireNonNull(worker, "worker");
        this.ui = requireNonNull(ui, "ui");
        this.zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        from.set(today);
        to.set(today);
        kind.addListener((o, was, now) -> kindChanged());
        kindChanged();
        granularity.set(ReportGranularity.REPORT_GRANULARITY_MINUTES_60);
    }

    private void kindChanged() {
        ReportKind k = kind.get();
        ReportGroup g = group.get();
        ReportGranularity b = granularity.get();
        groups.setAll(k.groups());
        granularities.setAll(k.granularities());
        group.set(g != null && k.groups().contains(g) ? g : k.groups().get(0));
        granularity.set(b != null && k.granularities().contains(b) ? b : ReportGranularity.REPORT_GRANULARITY_DAY);
    }

    /** Asks the server for the chosen report; the rows replace the shown ones when it answers. */
    public CompletableFuture<Void> run() {
        error.set("");
        if (from.get() == null || to.get() == null || to.get().isBefore(from.get())) {
            error.set(texts.get("reports.error.range"));
            return CompletableFuture.completedFuture(null);
        }
        ReportKind k = kind.get();
        ReportGroup g = group.get();
        ReportGranularity b = granularity.get();
        ReportRange range = ReportRange.of(b, from.get(), to.get(), zone);
        String period = texts.get("reports.period", DAY.format(from.get()), DAY.format(to.get()), zone.getId());
        ReportRows.Heading heading = new ReportRows.Heading(k, g, b, period, zone);
        long ticket = ++asked;
        String[] summary = {""};
        loading.set(true);
        status.set(texts.get("reports.loading"));
        CompletableFuture<ReportTable> answer = switch (k) {
            case CALLS -> gateway.calls(CallReportRequest.newBuilder().setGrouping(g.callGrouping()).setGranularity(b)
                    .setFrom(range.fromTimestamp()).setTo(range.toTimestamp()).build()).thenApply(r -> {
                        learnZone(r.getTimeZone());
                        return convert.calls(r, heading);
                    });
            case AGENT_STATES -> gateway.agentStates(AgentStateReportRequest.newBuilder().setGrouping(g.callGrouping())
                    .setGranularity(b).setFrom(range.fromTimestamp()).setTo(range.toTimestamp()).build()).thenApply(r -> {
                        learnZone(r.getTimeZone());
                        return convert.agentStates(r, heading);
                    });
            case WORK_ORDERS -> gateway.workOrders(WorkOrderReportRequest.newBuilder().setGrouping(g.workOrderGrouping())
                    .setGranularity(b).setFrom(range.fromTimestamp()).setTo(range.toTimestamp()).build()).thenApply(r -> {
                        learnZone(r.getTimeZone());
                        return convert.workOrders(r, heading);
                    });
            case IVR -> gateway.ivr(IvrReportRequest.newBuilder().setGranularity(b).setFrom(range.fromTimestamp())
                    .setTo(range.toTimestamp()).build()).thenApply(r -> {
                        learnZone(r.getTimeZone());
                        summary[0] = convert.ivrTotal(r);
                        return convert.ivr(r, heading);
                    });
        };
        return answer.handle((t, e) -> {
            if (ticket != asked) {
                return null; // a newer request is on its way: its answer counts
            }
            loading.set(false);
            if (e != null) {
                status.set("");
                error.set(errors.of(e));
                return null;
            }
            show(t, summary[0]);
            return null;
        });
    }

    private void show(ReportTable t, String summary) {
        boolean sameColumns = t.columns().equals(measures);
        table.set(t);
        rows.setAll(t.rows());
        if (!sameColumns) {
            measures.setAll(t.columns());
            measure.set(0);
        }
        String rowsText = t.rows().isEmpty() ? texts.get("reports.empty") : texts.get("reports.rows", t.rows().size());
        status.set(summary.isEmpty() || t.rows().isEmpty() ? rowsText : rowsText + " · " + summary);
    }

    /** The server names its report zone: the next range is cut at its midnights. */
    private void learnZone(String id) {
        try {
            if (!id.isEmpty()) {
                zone = ZoneId.of(id);
            }
        } catch (java.time.DateTimeException e) {
            // keep the zone we have
        }
    }

    /** The chart of the chosen figure, as shown and exported. */
    public JFreeChart chart() {
        return ReportCharts.chart(table.get(), Math.max(0, measure.get()), chartType.get());
    }

    /**
     * Writes the shown report to {@code target} on the worker thread; completes with the file, or
     * exceptionally (cancelled or failed, with the text in {@link #errorProperty}).
     */
    public CompletableFuture<Path> export(ExportFormat format, Path target) {
        requireNonNull(format, "format");
        requireNonNull(target, "target");
        if (exporting.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException("an export is running (expected: one at a time)"));
        }
        ReportExport job = new ReportExport(format, table.get(), chart(), target);
        running = job;
        exporting.set(true);
        exportProgress.set(0);
        error.set("");
        status.set(texts.get("reports.export.running", target.getFileName()));
        CompletableFuture<Path> done = new CompletableFuture<>();
        worker.execute(() -> {
            try {
                Path file = job.run(p -> ui.execute(() -> exportProgress.set(p)));
                ui.execute(() -> {
                    finished();
                    status.set(texts.get("reports.export.done", file.toString()));
                    done.complete(file);
                });
            } catch (CancellationException e) {
                ui.execute(() -> {
                    finished();
                    status.set(texts.get("reports.export.cancelled"));
                    done.completeExceptionally(e);
                });
            } catch (PdfExporter.MissingCjkFontException e) {
                ui.execute(() -> failed(done, texts.get("reports.export.no_font"), e));
            } catch (Exception | LinkageError e) {
                ui.execute(() -> failed(done, texts.get("reports.export.failed", String.valueOf(e.getMessage())), e));
            }
        });
        return done;
    }

    private void failed(CompletableFuture<Path> done, String text, Throwable e) {
        finished();
        status.set("");
        error.set(text);
        done.completeExceptionally(e instanceof CompletionException ? e : new CompletionException(e));
    }

    private void finished() {
        running = null;
        exporting.set(false);
    }

    /** Stops the running export; its file is not written. */
    public void cancelExport() {
        ReportExport job = running;
        if (job != null) {
            job.cancel();
        }
    }

    /** A file name for the export: the report, the days, the format's extension. */
    public String suggestedFileName(ExportFormat format) {
        return "report-" + kind.get().name().toLowerCase(java.util.Locale.ROOT) + "-" + DAY.format(from.get()) + "-"
                + DAY.format(to.get()) + "." + format.extension();
    }

    public ObjectProperty<ReportKind> kindProperty() {
        return kind;
    }

    public List<ReportKind> kinds() {
        return List.of(ReportKind.values());
    }

    public ObservableList<ReportGroup> groups() {
        return groupsView;
    }

    public ObjectProperty<ReportGroup> groupProperty() {
        return group;
    }

    public ObservableList<ReportGranularity> granularities() {
        return granularitiesView;
    }

    public ObjectProperty<ReportGranularity> granularityProperty() {
        return granularity;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ReadOnlyObjectProperty<ReportTable> tableProperty() {
        return table;
    }

    public ObservableList<ReportTable.Row> rows() {
        return rowsView;
    }

    public ObservableList<ReportTable.Column> measures() {
        return measuresView;
    }

    public IntegerProperty measureProperty() {
        return measure;
    }

    public ObjectProperty<ChartType> chartTypeProperty() {
        return chartType;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting;
    }

    public ReadOnlyDoubleProperty exportProgressProperty() {
        return exportProgress;
    }
}
