package org.hotline.agent.transfer;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.hotline.agent.Messages;
import org.hotline.agent.desk.SoftphoneBar;
import org.hotline.agent.transfer.DirectoryViewModel.Entry;

/**
 * The transfer / consult dialog: type to filter the directory (Ready agents first, in green),
 * Enter takes the highlighted line, or "Dial number" takes the typed digits as they are.
 */
public final class DirectoryDialog implements SoftphoneBar.DestinationPicker {
    private final DirectoryGateway gateway;
    private final Messages messages;
    private final String self;

    public DirectoryDialog(DirectoryGateway gateway, Messages messages, String selfAgentId) {
        this.gateway = gateway;
        this.messages = messages;
        this.self = selfAgentId;
    }

    @Override
    public String pick(String title, Node owner) {
        DirectoryViewModel vm = new DirectoryViewModel(gateway, messages, self);
        Dialog<String> d = new Dialog<>();
        d.setTitle(title);
        d.setHeaderText(messages.get("transfer.header"));
        if (owner != null && owner.getScene() != null) {
            d.initOwner(owner.getScene().getWindow());
        }
        TextField filter = new TextField();
        filter.setId("transfer-filter");
        filter.setPromptText(messages.get("transfer.destination"));
        filter.textProperty().bindBidirectional(vm.filterProperty());
        ListView<Entry> list = new ListView<>(vm.entries());
        list.setId("transfer-list");
        list.setPrefSize(460, 360);
        list.setCellFactory(v -> new EntryCell(messages));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedProperty().set(b);
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null && list.getSelectionModel().getSelectedItem() != b) {
                list.getSelectionModel().select(b);
                list.scrollTo(b);
            }
        });
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        Label error = new Label();
        error.getStyleClass().add("error");
        error.textProperty().bind(vm.errorProperty());
        VBox box = new VBox(8, filter, list, new HBox(8, status, error));
        VBox.setVgrow(list, Priority.ALWAYS);
        d.getDialogPane().setContent(box);

        ButtonType choose = new ButtonType(messages.get("transfer.choose"), ButtonBar.ButtonData.OK_DONE);
        ButtonType number = new ButtonType(messages.get("transfer.number"), ButtonBar.ButtonData.OTHER);
        d.getDialogPane().getButtonTypes().addAll(choose, number, ButtonType.CANCEL);
        String[] result = new String[1];
        // A button is refused (the dialog stays open) when the view model has no valid destination.
        ((Button) d.getDialogPane().lookupButton(choose)).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            result[0] = vm.result();
            if (result[0] == null) {
                e.consume();
            }
        });
        ((Button) d.getDialogPane().lookupButton(number)).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            result[0] = vm.typedNumber();
            if (result[0] == null) {
                e.consume();
            }
        });
        d.setResultConverter(b -> b == ButtonType.CANCEL ? null : result[0]);
        filter.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.UP) {
                int at = list.getSelectionModel().getSelectedIndex() + (e.getCode() == KeyCode.DOWN ? 1 : -1);
                if (at >= 0 && at < list.getItems().size()) {
                    list.getSelectionModel().select(at);
                    list.scrollTo(at);
                }
                e.consume();
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                ((Button) d.getDialogPane().lookupButton(choose)).fire();
            }
        });
        vm.load();
        focusFirst(d, filter);
        return d.showAndWait().orElse(null);
    }

    /**
     * The agent types at once: the dialog hands the focus to its default button as it opens, so
     * focus that lands elsewhere before the agent's first key or click is moved to the filter box.
     */
    private static void focusFirst(Dialog<?> d, TextField filter) {
        javafx.scene.Scene scene = d.getDialogPane().getScene();
        javafx.beans.value.ChangeListener<Node> toFilter = (o, was, now) -> {
            if (now != null && now != filter) {
                filter.requestFocus();
            }
        };
        scene.focusOwnerProperty().addListener(toFilter);
        javafx.event.EventHandler<javafx.event.Event> stop = new javafx.event.EventHandler<>() {
            @Override
            public void handle(javafx.event.Event e) {
                scene.focusOwnerProperty().removeListener(toFilter);
                scene.removeEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, this);
                scene.removeEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, this);
            }
        };
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, stop);
        scene.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, stop);
        d.setOnShown(e -> filter.requestFocus());
    }

    private static final class EntryCell extends ListCell<Entry> {
        private final Messages messages;

        EntryCell(Messages messages) {
            this.messages = messages;
        }

        @Override
        protected void updateItem(Entry e, boolean empty) {
            super.updateItem(e, empty);
            getStyleClass().removeAll("transfer-ready", "transfer-queue");
            if (empty || e == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label title = new Label((e.ready() ? "● " : e.kind() == DirectoryViewModel.Kind.QUEUE ? "☰ " : "○ ") + e.title());
            title.getStyleClass().add("transfer-title");
            Label detail = new Label(e.detail());
            detail.getStyleClass().add("transfer-detail");
            VBox box = new VBox(1, title, detail);
            if (e.ready()) {
                getStyleClass().add("transfer-ready");
                title.setText(title.getText() + "  · " + messages.get("state.ready"));
            } else if (e.kind() == DirectoryViewModel.Kind.QUEUE) {
                getStyleClass().add("transfer-queue");
            }
            setText(null);
            setGraphic(box);
        }
    }
}
