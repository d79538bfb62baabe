package org.hotline.supervisor.orders;

import java.util.function.Function;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.hotline.agent.Messages;
import org.hotline.api.v1.OrgUnit;
import org.hotline.api.v1.WorkOrderDimension;

/** Work-order oversight: Overdue and Warning lists, counts, and the lead's actions. */
public final class OversightView implements AutoCloseable {
    private final OversightViewModel vm;
    private final Messages texts;
    private final BorderPane root = new BorderPane();
    private final Timeline every;

    public OversightView(OversightViewModel vm, Messages texts) {
        this.vm = vm;
        this.texts = texts;
        root.setId("oversight");
        TableView<OversightViewModel.OrderRow> late = orders("orders-overdue", vm.overdue());
        TableView<OversightViewModel.OrderRow> warn = orders("orders-warning", vm.warning());
        Tab lateTab = new Tab();
        lateTab.textProperty().bind(Bindings.size(vm.overdue()).asString(texts.get("orders.overdue_tab")));
        lateTab.setContent(late);
        Tab warnTab = new Tab();
        warnTab.textProperty().bind(Bindings.size(vm.warning()).asString(texts.get("orders.warning_tab")));
        warnTab.setContent(warn);
        TabPane lists = new TabPane(lateTab, warnTab);
        lists.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        SplitPane split = new SplitPane(new VBox(6, actions(), lists), counts());
        VBox.setVgrow(lists, Priority.ALWAYS);
        split.setDividerPositions(0.68);
        root.setCenter(split);
        root.setBottom(status());
        root.setPadding(new Insets(6));
        every = new Timeline(new KeyFrame(Duration.minutes(1), e -> vm.refresh()));
        every.setCycleCount(Timeline.INDEFINITE);
    }

    public Tab tab() {
        Tab t = new Tab(texts.get("tab.orders"), root);
        t.setId("tab-orders");
        // Loaded when first shown, then every minute.
        t.selectedProperty().addListener((o, was, on) -> {
            if (on && every.getStatus() != javafx.animation.Animation.Status.RUNNING) {
                vm.refresh();
                every.play();
            }
        });
        return t;
    }

    @Override
    public void close() {
        every.stop();
    }

    private TableView<OversightViewModel.OrderRow> orders(String id, ObservableList<OversightViewModel.OrderRow> rows) {
        TableView<OversightViewModel.OrderRow> t = new TableView<>(rows);
        t.setId(id);
        t.getColumns().add(col("col.order_no", 150, OversightViewModel.OrderRow::orderNo));
        t.getColumns().add(col("col.type", 80, OversightViewModel.OrderRow::type));
        t.getColumns().add(col("col.title", 200, OversightViewModel.OrderRow::title));
        t.getColumns().add(col("col.area", 80, OversightViewModel.OrderRow::area));
        t.getColumns().add(col("col.department", 150, OversightViewModel.OrderRow::department));
        t.getColumns().add(col("col.assignee", 80, OversightViewModel.OrderRow::assignee));
        t.getColumns().add(col("col.due", 130, OversightViewModel.OrderRow::due));
        t.getColumns().add(col("col.level", 60, r -> Integer.toString(r.level())));
        t.setPlaceholder(new Label(texts.get("orders.empty")));
        t.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedProperty().set(b);
            }
        });
        return t;
    }

    private <R> TableColumn<R, String> col(String key, double width, Function<R, String> value) {
        TableColumn<R, String> c = new TableColumn<>(texts.get(key));
        c.setCellValueFactory(f -> new SimpleStringProperty(value.apply(f.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private Node actions() {
        Button reassign = new Button(texts.get("orders.reassign"));
        reassign.setId("orders-reassign");
        reassign.setOnAction(e -> reassignDialog());
        Button urge = new Button(texts.get("orders.urge"));
        urge.setId("orders-urge");
        urge.setOnAction(e -> ask("orders.urge", "orders.urge.prompt").ifPresent(vm::urge));
        Button escalate = new Button(texts.get("orders.escalate"));
        escalate.setId("orders-escalate");
        escalate.setOnAction(e -> ask("orders.escalate", "orders.escalate.prompt").ifPresent(vm::escalate));
        for (Button b : new Button[] {reassign, urge, escalate}) {
            b.disableProperty().bind(vm.selectedProperty().isNull());
        }
        Button refresh = new Button(texts.get("orders.refresh"));
        refresh.setId("orders-refresh");
        refresh.setOnAction(e -> vm.refresh());
        refresh.disableProperty().bind(vm.loadingProperty());
        Label updated = new Label();
        updated.textProperty().bind(vm.updatedProperty());
        Region fill = new Region();
        HBox.setHgrow(fill, Priority.ALWAYS);
        HBox box = new HBox(6, reassign, urge, escalate, fill, updated, refresh);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private java.util.Optional<String> ask(String titleKey, String promptKey) {
        OversightViewModel.OrderRow r = vm.selectedProperty().get();
        TextInputDialog d = new TextInputDialog();
        d.initOwner(root.getScene().getWindow());
        d.setTitle(texts.get(titleKey));
        d.setHeaderText(texts.get(promptKey, r == null ? "" : r.orderNo()));
        d.getEditor().setId("orders-text");
        return d.showAndWait();
    }

    private void reassignDialog() {
        OversightViewModel.OrderRow r = vm.selectedProperty().get();
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(root.getScene().getWindow());
        d.setTitle(texts.get("orders.reassign"));
        d.setHeaderText(texts.get("orders.reassign.prompt", r == null ? "" : r.orderNo()));
        ComboBox<OrgUnit> department = new ComboBox<>(vm.departments());
        department.setId("reassign-department");
        ComboBox<OrgUnit> team = new ComboBox<>();
        team.setId("reassign-team");
        StringConverter<OrgUnit> names = new StringConverter<>() {
            @Override
            public String toString(OrgUnit u) {
                return u == null ? texts.get("orders.no_team") : u.getName();
            }

            @Override
            public OrgUnit fromString(String s) {
                return null;
            }
        };
        department.setConverter(names);
        team.setConverter(names);
        department.valueProperty().addListener((o, a, b) -> {
            team.getItems().setAll(b == null ? java.util.List.of() : vm.teamsOf(b));
            team.setValue(null);
        });
        TextField reason = new TextField();
        reason.setId("reassign-reason");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.addRow(0, new Label(texts.get("col.department")), department);
        g.addRow(1, new Label(texts.get("orders.team")), team);
        g.addRow(2, new Label(texts.get("orders.reason")), reason);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(department.valueProperty().isNull());
        d.showAndWait().filter(ButtonType.OK::equals).ifPresent(b -> vm.reassign(department.getValue(), team.getValue(),
                reason.getText()));
    }

    private Node counts() {
        ComboBox<WorkOrderDimension> by = new ComboBox<>();
        by.setId("orders-dimension");
        by.getItems().addAll(WorkOrderDimension.WORK_ORDER_DIMENSION_STATUS, WorkOrderDimension.WORK_ORDER_DIMENSION_TYPE,
                WorkOrderDimension.WORK_ORDER_DIMENSION_AREA, WorkOrderDimension.WORK_ORDER_DIMENSION_DEPARTMENT);
        by.setConverter(new StringConverter<>() {
            @Override
            public String toString(WorkOrderDimension d) {
                return d == null ? "" : texts.get("orders.by." + d.name().substring("WORK_ORDER_DIMENSION_".length())
                        .toLowerCase(java.util.Locale.ROOT));
            }

            @Override
            public WorkOrderDimension fromString(String s) {
                return null;
            }
        });
        by.valueProperty().bindBidirectional(vm.dimensionProperty());
        TableView<OversightViewModel.CountRow> t = new TableView<>(vm.counts());
        t.setId("orders-counts");
        t.getColumns().add(col("orders.group", 150, OversightViewModel.CountRow::key));
        t.getColumns().add(col("orders.open", 70, c -> Long.toString(c.total())));
        t.getColumns().add(col("orders.warning", 70, c -> Long.toString(c.warning())));
        t.getColumns().add(col("orders.overdue", 70, c -> Long.toString(c.overdue())));
        t.setPlaceholder(new Label(texts.get("orders.empty")));
        VBox box = new VBox(6, new HBox(6, new Label(texts.get("orders.open_by")), by), t);
        VBox.setVgrow(t, Priority.ALWAYS);
        return box;
    }

    private Node status() {
        Label notice = new Label();
        notice.setId("orders-notice");
        notice.getStyleClass().add("notice");
        notice.textProperty().bind(vm.noticeProperty());
        Label error = new Label();
        error.setId("orders-error");
        error.getStyleClass().add("error");
        error.textProperty().bind(vm.errorProperty());
        HBox box = new HBox(12, notice, error);
        box.setPadding(new Insets(4, 0, 0, 0));
        return box;
    }
}
