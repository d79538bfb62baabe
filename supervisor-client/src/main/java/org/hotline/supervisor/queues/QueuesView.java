package org.hotline.supervisor.queues;

import java.util.function.Function;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.hotline.agent.Messages;

/** The queues panel: one row per queue, the selected queue's waiting calls, and the alerts. */
public final class QueuesView {
    private final QueuesViewModel vm;
    private final Messages texts;
    private final BorderPane root = new BorderPane();

    public QueuesView(QueuesViewModel vm, Messages texts) {
        this.vm = vm;
        this.texts = texts;
        root.setId("queues-panel");
        TableView<QueueRow> queues = new TableView<>(vm.rows());
        queues.setId("queues-table");
        queues.getColumns().add(column("col.queue", 220, QueueRow::nameProperty));
        TableColumn<QueueRow, Number> waiting = new TableColumn<>(texts.get("col.waiting"));
        waiting.setCellValueFactory(c -> c.getValue().waitingProperty());
        waiting.setPrefWidth(70);
        queues.getColumns().add(waiting);
        queues.getColumns().add(column("col.longest_wait", 90, QueueRow::longestWaitProperty));
        queues.getColumns().add(column("col.service_level", 90, QueueRow::serviceLevelProperty));
        queues.getColumns().add(column("col.speed_of_answer", 90, QueueRow::speedOfAnswerProperty));
        queues.getColumns().add(column("col.abandon_rate", 90, QueueRow::abandonRateProperty));
        queues.getColumns().add(column("col.offered", 170, QueueRow::offeredProperty));
        queues.getColumns().add(column("col.agents", 190, QueueRow::agentsProperty));
        queues.setPlaceholder(new Label(texts.get("queues.empty")));
        queues.setRowFactory(t -> new LevelRow());
        queues.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));

        TableView<QueuesViewModel.WaitingRow> calls = new TableView<>(vm.waitingCalls());
        calls.setId("waiting-calls");
        calls.getColumns().add(waitingColumn("col.caller", 150, QueuesViewModel.WaitingRow::caller));
        calls.getColumns().add(waitingColumn("col.priority", 70, w -> Integer.toString(w.priority())));
        calls.getColumns().add(waitingColumn("col.waited", 90, QueuesViewModel.WaitingRow::waited));
        calls.setPlaceholder(new Label(texts.get("queues.no_waiting")));
        ListView<String> alerts = new ListView<>(vm.alerts());
        alerts.setId("queue-alerts");
        alerts.setPlaceholder(new Label(texts.get("queues.no_alerts")));
        alerts.getStyleClass().add("queue-alerts");

        VBox waitingBox = new VBox(4, new Label(texts.get("queues.waiting_calls")), calls);
        VBox alertBox = new VBox(4, new Label(texts.get("queues.alerts")), alerts);
        VBox.setVgrow(calls, javafx.scene.layout.Priority.ALWAYS);
        VBox.setVgrow(alerts, javafx.scene.layout.Priority.ALWAYS);
        SplitPane lower = new SplitPane(waitingBox, alertBox);
        SplitPane split = new SplitPane(queues, lower);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        root.setCenter(split);
        root.setPadding(new Insets(6));
    }

    public Node root() {
        return root;
    }

    public Tab tab() {
        Tab t = new Tab(texts.get("tab.queues"), root);
        t.setId("tab-queues");
        return t;
    }

    private TableColumn<QueueRow, String> column(String key, double width, Function<QueueRow, ObservableValue<String>> value) {
        TableColumn<QueueRow, String> c = new TableColumn<>(texts.get(key));
        c.setCellValueFactory(f -> value.apply(f.getValue()));
        c.setPrefWidth(width);
        return c;
    }

    private TableColumn<QueuesViewModel.WaitingRow, String> waitingColumn(String key, double width,
                                                                          Function<QueuesViewModel.WaitingRow, String> value) {
        TableColumn<QueuesViewModel.WaitingRow, String> c = new TableColumn<>(texts.get(key));
        c.setCellValueFactory(f -> new SimpleStringProperty(value.apply(f.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** Amber and red by pseudo-class (see the agents grid's rows for why not style classes). */
    private static final class LevelRow extends TableRow<QueueRow> {
        private static final javafx.css.PseudoClass WARN = javafx.css.PseudoClass.getPseudoClass("warn");
        private static final javafx.css.PseudoClass ALARM = javafx.css.PseudoClass.getPseudoClass("alarm");
        private QueueRow bound;
        private final javafx.beans.value.ChangeListener<Object> restyle = (o, a, b) -> restyle();

        @Override
        protected void updateItem(QueueRow r, boolean empty) {
            super.updateItem(r, empty);
            QueueRow now = empty ? null : r;
            if (now != bound) {
                if (bound != null) {
                    bound.levelProperty().removeListener(restyle);
                }
                bound = now;
                if (bound != null) {
                    bound.levelProperty().addListener(restyle);
                }
            }
            restyle();
        }

        private void restyle() {
            QueueThresholds.Level level = bound == null ? QueueThresholds.Level.OK : bound.levelProperty().get();
            pseudoClassStateChanged(WARN, level == QueueThresholds.Level.WARN);
            pseudoClassStateChanged(ALARM, level == QueueThresholds.Level.ALARM);
        }
    }
}
