package org.hotline.supervisor.reports;

import java.io.File;
import java.util.Locale;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.hotline.agent.Messages;
import org.hotline.api.v1.ReportGranularity;
import org.jfree.chart.fx.ChartViewer;

/** The Reports tab: the report's choices on top, the chart of the chosen figure, the table of rows below. */
public final class ReportsView extends BorderPane {
    private final ReportsViewModel vm;
    private final Messages texts;
    private final ChartViewer chart;
    private final TableView<ReportTable.Row> table = new TableView<>();
    private SaveTarget saveTarget = this::askForFile;

    /** Where an export goes: the file chooser on the desk; tests give a path without a dialog. */
    @FunctionalInterface
    public interface SaveTarget {
        java.util.Optional<java.nio.file.Path> choose(ExportFormat format, String suggestedName);
    }

    public ReportsView(ReportsViewModel vm, Messages texts) {
        this.vm = vm;
        this.texts = texts;
        getStyleClass().add("reports");

        ComboBox<ReportKind> kind = combo(vm.kinds(), k -> texts.get(k.textKey()));
        kind.setId("reportKind");
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        ComboBox<ReportGroup> group = combo(vm.groups(), g -> texts.get(g.textKey()));
        group.setId("reportGroup");
        group.valueProperty().bindBidirectional(vm.groupProperty());
        ComboBox<ReportGranularity> granularity = combo(vm.granularities(), this::granularityText);
        granularity.setId("reportGranularity");
        granularity.valueProperty().bindBidirectional(vm.granularityProperty());
        DatePicker from = new DatePicker();
        from.setId("reportFrom");
        from.valueProperty().bindBidirectional(vm.fromProperty());
        DatePicker to = new DatePicker();
        to.setId("reportTo");
        to.valueProperty().bindBidirectional(vm.toProperty());
        Button run = new Button(texts.get("reports.run"));
        run.setId("reportRun");
        run.setDefaultButton(true);
        run.disableProperty().bind(vm.loadingProperty());
        run.setOnAction(e -> vm.run());

        ComboBox<Integer> measure = new ComboBox<>();
        measure.setId("reportMeasure");
        measure.setMinWidth(200);
        vm.measures().addListener((javafx.collections.ListChangeListener<ReportTable.Column>) c -> fillMeasures(measure));
        measure.setConverter(converter(i -> i == null || i >= vm.measures().size() ? "" : vm.measures().get(i).label()));
        measure.setButtonCell(cell(measure.getConverter()));
        measure.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.measureProperty().set(now);
            }
        });
        ComboBox<ChartType> chartType = combo(javafx.collections.FXCollections.observableArrayList(ChartType.values()),
                t -> texts.get(t.textKey()));
        chartType.setId("reportChartType");
        chartType.valueProperty().bindBidirectional(vm.chartTypeProperty());

        MenuButton export = new MenuButton(texts.get("reports.export"));
        export.setId("reportExport");
        for (ExportFormat f : ExportFormat.values()) {
            MenuItem item = new MenuItem(texts.get(f.textKey()));
            item.setId("export-" + f.extension());
            item.setOnAction(e -> chooseAndExport(f));
            export.getItems().add(item);
        }
        export.disableProperty().bind(vm.exportingProperty().or(javafx.beans.binding.Bindings.isEmpty(vm.rows())));
        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(140);
        progress.progressProperty().bind(vm.exportProgressProperty());
        progress.visibleProperty().bind(vm.exportingProperty());
        Button cancel = new Button(texts.get("reports.export.cancel"));
        cancel.setId("reportExportCancel");
        cancel.visibleProperty().bind(vm.exportingProperty());
        cancel.setOnAction(e -> vm.cancelExport());

        Label status = new Label();
        status.setId("reportStatus");
        status.textProperty().bind(vm.statusProperty());
        Label error = new Label();
        error.setId("reportError");
        error.getStyleClass().add("error");
        error.setStyle("-fx-text-fill: #b00020;");
        error.textProperty().bind(vm.errorProperty());
        error.setWrapText(true);

        FlowPane choices = new FlowPane(8, 6, new Label(texts.get("reports.kind")), kind, new Label(texts.get("reports.group")),
                group, new Label(texts.get("reports.granularity")), granularity, new Label(texts.get("reports.from")), from,
                new Label(texts.get("reports.to")), to, run);
        choices.setAlignment(Pos.CENTER_LEFT);
        FlowPane view = new FlowPane(8, 6, new Label(texts.get("reports.measure")), measure,
                new Label(texts.get("reports.chart")), chartType, export, progress, cancel, status);
        view.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, choices, view, error);
        top.setPadding(new Insets(8));
        setTop(top);

        chart = new ChartViewer(vm.chart());
        chart.setMinHeight(220);
        table.setId("reportTable");
        table.setItems(vm.rows());
        table.setPlaceholder(new Label(texts.get("reports.placeholder")));
        SplitPane split = new SplitPane(chart, table);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        setCenter(split);

        vm.tableProperty().addListener((o, was, now) -> {
            columns(now);
            redraw();
        });
        vm.measureProperty().addListener((o, was, now) -> {
            measure.setValue(now.intValue());
            redraw();
        });
        vm.chartTypeProperty().addListener((o, was, now) -> redraw());
    }

    private void fillMeasures(ComboBox<Integer> measure) {
        java.util.List<Integer> indices = new java.util.ArrayList<>();
        for (int i = 0; i < vm.measures().size(); i++) {
            indices.add(i);
        }
        measure.getItems().setAll(indices);
        measure.setValue(vm.measureProperty().get());
    }

    private void redraw() {
        chart.setChart(vm.chart());
    }

    private void columns(ReportTable t) {
        table.getColumns().clear();
        table.getColumns().add(textColumn(t.bucketHeader(), ReportTable.Row::bucket));
        table.getColumns().add(textColumn(t.keyHeader(), ReportTable.Row::key));
        for (int i = 0; i < t.columns().size(); i++) {
            int index = i;
            ReportTable.Column c = t.columns().get(i);
            TableColumn<ReportTable.Row, String> col = textColumn(c.label(), r -> ReportTable.format(c, r.value(index)));
            col.setStyle("-fx-alignment: CENTER-RIGHT;");
            col.setComparator((a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b)));
            table.getColumns().add(col);
        }
    }

    private static TableColumn<ReportTable.Row, String> textColumn(String title, Function<ReportTable.Row, String> value) {
        TableColumn<ReportTable.Row, String> col = new TableColumn<>(title);
        col.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return col;
    }

    /** Replaces the file chooser (the headless UI test has no native dialog). */
    public void setSaveTarget(SaveTarget target) {
        this.saveTarget = java.util.Objects.requireNonNull(target, "target");
    }

    private void chooseAndExport(ExportFormat f) {
        saveTarget.choose(f, vm.suggestedFileName(f)).ifPresent(path -> vm.export(f, path));
    }

    private java.util.Optional<java.nio.file.Path> askForFile(ExportFormat f, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.get("reports.export.title"));
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(texts.get(f.textKey()), "*." + f.extension()));
        Window w = getScene() == null ? null : getScene().getWindow();
        File file = chooser.showSaveDialog(w);
        return java.util.Optional.ofNullable(file).map(File::toPath);
    }

    private String granularityText(ReportGranularity g) {
        return g == null ? "" : texts.get("reports.granularity." + g.name().substring("REPORT_GRANULARITY_".length())
                .toLowerCase(Locale.ROOT));
    }

    private <T> ComboBox<T> combo(java.util.List<T> items, Function<T, String> text) {
        ComboBox<T> box = new ComboBox<>(items instanceof javafx.collections.ObservableList<T> o ? o
                : javafx.collections.FXCollections.observableArrayList(items));
        box.setConverter(converter(t -> t == null ? "" : text.apply(t)));
        box.setButtonCell(cell(box.getConverter()));
        return box;
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return text.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("choose from the list");
            }
        };
    }

    private static <T> ListCell<T> cell(StringConverter<T> converter) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? "" : converter.toString(item));
            }
        };
    }
}
