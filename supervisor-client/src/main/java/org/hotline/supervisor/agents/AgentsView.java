package org.hotline.supervisor.agents;

import java.util.function.Function;

import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.hotline.agent.Messages;
import org.hotline.api.v1.ReasonCode;

/** The live agents grid with its filters and the team lead's actions. */
public final class AgentsView {
    private final AgentsViewModel vm;
    private final Messages texts;
    private final BorderPane root = new BorderPane();
    private final TableView<AgentRow> table = new TableView<>();

    public AgentsView(AgentsViewModel vm, Messages texts) {
        this.vm = vm;
        this.texts = texts;
        root.setId("agents-grid");
        root.setTop(new VBox(6, filters(), actions()));
        root.setCenter(table());
        root.setBottom(status());
        root.setPadding(new Insets(6));
    }

    public Node root() {
        return root;
    }

    public Tab tab() {
        Tab t = new Tab(texts.get("tab.agents"), root);
        t.setId("tab-agents");
        return t;
    }

    TableView<AgentRow> table() {
        if (!table.getColumns().isEmpty()) {
            return table;
        }
        table.setId("agents-table");
        table.getColumns().add(column("col.agent", 150, r -> r.nameProperty()));
        table.getColumns().add(column("col.id", 70, r -> new javafx.beans.property.SimpleStringProperty(r.agentId())));
        table.getColumns().add(column("col.team", 80, AgentRow::teamProperty));
        table.getColumns().add(column("col.extension", 70, AgentRow::extensionProperty));
        table.getColumns().add(column("col.state", 170, AgentRow::stateTextProperty));
        table.getColumns().add(timeInState());
        table.getColumns().add(column("col.caller", 130, AgentRow::callerProperty));
        table.getColumns().add(column("col.queue", 90, AgentRow::queueProperty));
        TableColumn<AgentRow, Number> calls = new TableColumn<>(texts.get("col.calls_today"));
        calls.setCellValueFactory(c -> c.getValue().callsTodayProperty());
        calls.setPrefWidth(80);
        table.getColumns().add(calls);
        table.getColumns().add(column("col.average_handle", 90, AgentRow::averageHandleProperty));
        SortedList<AgentRow> sorted = new SortedList<>(vm.visibleRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setPlaceholder(new Label(texts.get("agents.empty")));
        table.setRowFactory(t -> new LevelRow());
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));
        return table;
    }

    /** Time in state: only the cells on screen format it, once per tick of the view model's clock. */
    private TableColumn<AgentRow, AgentRow> timeInState() {
        TableColumn<AgentRow, AgentRow> c = new TableColumn<>(texts.get("col.time_in_state"));
        c.setId("col-time-in-state");
        c.setPrefWidth(90);
        c.setCellValueFactory(f -> new javafx.beans.property.ReadOnlyObjectWrapper<>(f.getValue()));
        c.setComparator(java.util.Comparator.comparingLong(AgentRow::secondsInState));
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            private final javafx.beans.InvalidationListener tick = o -> show();
            {
                vm.nowProperty().addListener(new javafx.beans.WeakInvalidationListener(tick));
            }

            @Override
            protected void updateItem(AgentRow r, boolean empty) {
                super.updateItem(r, empty);
                show();
            }

            private void show() {
                AgentRow r = getItem();
                setText(r == null || isEmpty() ? null : vm.timeInState(r));
            }
        });
        return c;
    }

    private TableColumn<AgentRow, String> column(String key, double width, Function<AgentRow, ObservableValue<String>> value) {
        TableColumn<AgentRow, String> c = new TableColumn<>(texts.get(key));
        c.setCellValueFactory(f -> value.apply(f.getValue()));
        c.setPrefWidth(width);
        return c;
    }

    /**
     * Colours a row by its threshold level and state (styles in supervisor.css) with pseudo-classes:
     * a change only moves the row between already resolved styles, where a style-class change
     * would make JavaFX rebuild the CSS of the row and every cell in it (hundreds of times a second
     * in a big room).
     */
    private static final class LevelRow extends TableRow<AgentRow> {
        private static final javafx.css.PseudoClass WARN = javafx.css.PseudoClass.getPseudoClass("warn");
        private static final javafx.css.PseudoClass ALARM = javafx.css.PseudoClass.getPseudoClass("alarm");
        private static final javafx.css.PseudoClass READY = javafx.css.PseudoClass.getPseudoClass("ready");
        private static final javafx.css.PseudoClass LOGGED_OUT = javafx.css.PseudoClass.getPseudoClass("logged-out");
        private AgentRow bound;
        private final javafx.beans.value.ChangeListener<Object> restyle = (o, a, b) -> restyle();

        @Override
        protected void updateItem(AgentRow r, boolean empty) {
            super.updateItem(r, empty);
            AgentRow now = empty ? null : r;
            if (now != bound) {
                if (bound != null) {
                    bound.levelProperty().removeListener(restyle);
                    bound.stateProperty().removeListener(restyle);
                }
                bound = now;
                if (bound != null) {
                    bound.levelProperty().addListener(restyle);
                    bound.stateProperty().addListener(restyle);
                }
            }
            restyle();
        }

        private void restyle() {
            Thresholds.Level level = bound == null ? Thresholds.Level.OK : bound.levelProperty().get();
            org.hotline.api.v1.AgentState state = bound == null ? null : bound.stateProperty().get();
            pseudoClassStateChanged(WARN, level == Thresholds.Level.WARN);
            pseudoClassStateChanged(ALARM, level == Thresholds.Level.ALARM);
            pseudoClassStateChanged(READY, state == org.hotline.api.v1.AgentState.AGENT_STATE_READY);
            pseudoClassStateChanged(LOGGED_OUT, state == org.hotline.api.v1.AgentState.AGENT_STATE_LOGGED_OUT);
        }
    }

    private Node filters() {
        ComboBox<String> team = filter("filter.all_teams", vm.teams(), vm.teamProperty());
        team.setId("filter-team");
        ComboBox<String> queue = filter("filter.all_queues", vm.queues(), vm.queueProperty());
        queue.setId("filter-queue");
        ComboBox<String> skill = filter("filter.all_skills", vm.skills(), vm.skillProperty());
        skill.setId("filter-skill");
        Label summary = new Label();
        summary.setId("agents-summary");
        summary.textProperty().bind(vm.summaryProperty());
        Region fill = new Region();
        HBox.setHgrow(fill, Priority.ALWAYS);
        HBox box = new HBox(8, new Label(texts.get("filter.label")), team, queue, skill, fill, summary);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }

    private ComboBox<String> filter(String allKey, ObservableList<String> values, javafx.beans.property.StringProperty chosen) {
        ComboBox<String> box = new ComboBox<>();
        box.getItems().add(AgentsViewModel.ALL);
        box.getItems().addAll(values);
        values.addListener((ListChangeListener<String>) c -> {
            String keep = box.getValue();
            box.getItems().setAll(AgentsViewModel.ALL);
            box.getItems().addAll(values);
            box.setValue(keep);
        });
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null || s.isEmpty() ? texts.get(allKey) : s;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        box.setValue(AgentsViewModel.ALL);
        box.valueProperty().addListener((o, a, b) -> chosen.set(b == null ? AgentsViewModel.ALL : b));
        return box;
    }

    private Node actions() {
        Button listen = button("action-listen", "action.listen", vm::listen);
        Button whisper = button("action-whisper", "action.whisper", vm::whisper);
        Button barge = button("action-barge", "action.barge", vm::barge);
        for (Button b : new Button[] {listen, whisper, barge}) {
            b.disableProperty().bind(vm.canMonitorProperty().not());
        }
        Button ready = button("action-force-ready", "action.force_ready", vm::forceReady);
        MenuButton notReady = new MenuButton(texts.get("action.force_not_ready"));
        notReady.setId("action-force-not-ready");
        for (ReasonCode r : vm.reasons()) {
            MenuItem item = new MenuItem(r.getLabel());
            item.setId("force-reason-" + r.getCode());
            item.setOnAction(e -> vm.forceNotReady(r));
            notReady.getItems().add(item);
        }
        Button logout = button("action-force-logout", "action.force_logout", () -> {
            AgentRow r = vm.selectedProperty().get();
            if (r == null) {
                return;
            }
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                    texts.get("action.force_logout.confirm", r.nameProperty().get(), r.agentId()), ButtonType.OK, ButtonType.CANCEL);
            confirm.initOwner(root.getScene().getWindow());
            confirm.setHeaderText(null);
            confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(b -> vm.forceLogout());
        });
        Button message = button("action-message", "action.message", () -> {
            AgentRow r = vm.selectedProperty().get();
            if (r == null) {
                return;
            }
            TextInputDialog d = new TextInputDialog();
            d.initOwner(root.getScene().getWindow());
            d.setTitle(texts.get("action.message"));
            d.getEditor().setId("message-text");
            ((Button) d.getDialogPane().lookupButton(ButtonType.OK)).setId("message-send");
            d.setHeaderText(texts.get("message.to", r.nameProperty().get(), r.agentId()));
            d.showAndWait().ifPresent(vm::sendMessage);
        });
        for (Node n : new Node[] {ready, notReady, logout, message}) {
            n.disableProperty().bind(vm.canActProperty().not());
        }
        listen.setTooltip(new Tooltip(texts.get("action.listen.tip")));
        whisper.setTooltip(new Tooltip(texts.get("action.whisper.tip")));
        barge.setTooltip(new Tooltip(texts.get("action.barge.tip")));
        HBox box = new HBox(6, listen, whisper, barge, new javafx.scene.control.Separator(javafx.geometry.Orientation.VERTICAL),
                ready, notReady, logout, message);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }

    private Button button(String id, String key, Runnable action) {
        Button b = new Button(texts.get(key));
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private Node status() {
        Label notice = new Label();
        notice.setId("agents-notice");
        notice.getStyleClass().add("notice");
        notice.textProperty().bind(vm.noticeProperty());
        Label error = new Label();
        error.setId("agents-error");
        error.getStyleClass().add("error");
        error.textProperty().bind(vm.errorProperty());
        HBox box = new HBox(12, notice, error);
        box.setPadding(new Insets(4, 0, 0, 0));
        return box;
    }
}
