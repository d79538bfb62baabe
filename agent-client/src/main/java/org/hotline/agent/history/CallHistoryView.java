package org.hotline.agent.history;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.hotline.agent.Messages;
import org.hotline.agent.history.CallHistoryViewModel.Range;
import org.hotline.agent.history.CallHistoryViewModel.Row;
import org.hotline.api.v1.CallDirection;

/** The "History" tab: filters on top, the calls below, each number a link that dials it. */
public final class CallHistoryView {
    private final Tab tab;

    public CallHistoryView(CallHistoryViewModel vm, Messages messages) {
        ComboBox<Range> range = new ComboBox<>();
        range.setId("history-range");
        range.getItems().setAll(Range.values());
        range.valueProperty().bindBidirectional(vm.rangeProperty());
        range.setCellFactory(v -> cell(vm::rangeLabel));
        range.setButtonCell(cell(vm::rangeLabel));
        ComboBox<CallDirection> direction = new ComboBox<>();
        direction.setId("history-direction");
        direction.getItems().setAll(CallDirection.CALL_DIRECTION_UNSPECIFIED, CallDirection.CALL_DIRECTION_INBOUND,
                CallDirection.CALL_DIRECTION_OUTBOUND, CallDirection.CALL_DIRECTION_INTERNAL);
        direction.valueProperty().bindBidirectional(vm.directionProperty());
        direction.setCellFactory(v -> cell(vm::directionLabel));
        direction.setButtonCell(cell(vm::directionLabel));
        TextField number = new TextField();
        number.setId("history-number");
        number.setPromptText(messages.get("history.number_prompt"));
        number.textProperty().bindBidirectional(vm.numberProperty());
        number.setOnAction(e -> vm.search());
        number.setPrefColumnCount(10);
        Button search = new Button(messages.get("history.search"));
        search.setId("history-search");
        search.setDefaultButton(false);
        search.setOnAction(e -> vm.search());
        range.valueProperty().addListener((o, a, b) -> vm.search());
        direction.valueProperty().addListener((o, a, b) -> vm.search());
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        Label error = new Label();
        error.getStyleClass().add("error");
        error.textProperty().bind(vm.errorProperty());
        HBox filters = new HBox(8, range, direction, number, search, status, error);
        filters.setAlignment(Pos.CENTER_LEFT);

        TableView<Row> table = new TableView<>(vm.rows());
        table.setId("history-table");
        table.getColumns().add(column(messages.get("history.when"), Row::when, 120));
        table.getColumns().add(column(messages.get("history.direction"), Row::direction, 60));
        TableColumn<Row, Row> num = new TableColumn<>(messages.get("history.number"));
        num.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        num.setCellFactory(c -> new org.hotline.agent.ui.DialLinkCell<Row, Row>(Row::number,
                n -> messages.get("history.dial", n), vm::dial));
        num.setPrefWidth(120);
        table.getColumns().add(num);
        table.getColumns().add(column(messages.get("history.talk"), Row::talk, 70));
        table.getColumns().add(column(messages.get("history.queue"), Row::queue, 70));
        table.getColumns().add(column(messages.get("history.customer"), Row::customer, 80));
        table.getColumns().add(column(messages.get("history.work_order"), Row::workOrder, 110));
        table.setPlaceholder(new Label(messages.get("history.none")));
        VBox box = new VBox(8, filters, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        tab = new Tab(messages.get("history.tab"), box);
        tab.setId("history-tab");
        tab.selectedProperty().addListener((o, a, b) -> vm.setShowing(b));
    }

    private static TableColumn<Row, String> column(String title, java.util.function.Function<Row, String> value, double width) {
        TableColumn<Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(r -> new ReadOnlyStringWrapper(value.apply(r.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static <T> ListCell<T> cell(java.util.function.Function<T, String> label) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : label.apply(item));
            }
        };
    }

    public Tab tab() {
        return tab;
    }
}
