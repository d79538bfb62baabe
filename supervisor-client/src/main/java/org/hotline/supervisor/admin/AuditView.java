package org.hotline.supervisor.admin;

import java.util.function.Function;

import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.hotline.agent.Messages;

/** Who changed what: the audit entries about one target, newest first. */
final class AuditView {
    private final BorderPane root = new BorderPane();
    private final Messages texts;

    AuditView(AuditViewModel vm, Messages texts) {
        this.texts = texts;
        root.setId("audit-section");
        if (!vm.allowed()) {
            root.setTop(EntityView.banner(vm.readOnlyReason(), "admin-read-only"));
            return;
        }
        TextField target = new TextField();
        target.setId("audit-target");
        target.setPromptText(texts.get("admin.audit.prompt"));
        target.textProperty().bindBidirectional(vm.targetProperty());
        target.setOnAction(e -> vm.show());
        Button show = new Button(texts.get("admin.audit.show"));
        show.setId("audit-show");
        show.disableProperty().bind(vm.busyProperty());
        show.setOnAction(e -> vm.show());
        HBox.setHgrow(target, Priority.ALWAYS);
        HBox bar = new HBox(6, new Label(texts.get("admin.audit.target")), target, show);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label hint = new Label(texts.get("admin.audit.hint", String.join("  ", vm.examples())));
        hint.setWrapText(true);
        hint.getStyleClass().add("admin-note");
        Label status = new Label();
        status.setId("audit-status");
        status.textProperty().bind(vm.statusProperty());
        Label error = new Label();
        error.setId("audit-error");
        error.getStyleClass().add("error");
        error.textProperty().bind(vm.errorProperty());

        TableView<AuditViewModel.Row> table = new TableView<>(vm.rows());
        table.setId("audit-table");
        table.setPlaceholder(new Label(texts.get("admin.audit.empty")));
        table.getColumns().add(column("admin.audit.col.at", 140, AuditViewModel.Row::at));
        table.getColumns().add(column("admin.audit.col.who", 130, AuditViewModel.Row::who));
        table.getColumns().add(column("admin.audit.col.action", 170, AuditViewModel.Row::action));
        table.getColumns().add(column("admin.audit.col.outcome", 70, AuditViewModel.Row::outcome));
        table.getColumns().add(column("admin.audit.col.detail", 520, AuditViewModel.Row::detail));
        // The detail's before and after can be long: the selected entry in full below the table.
        Label detail = new Label();
        detail.setWrapText(true);
        detail.setId("audit-detail");
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> detail.setText(b == null ? ""
                : b.at() + "  " + b.who() + "  " + b.action() + "  " + b.target() + "\n" + b.detail()));
        VBox top = new VBox(6, bar, hint, status, error);
        top.setPadding(new Insets(0, 0, 6, 0));
        root.setTop(top);
        root.setCenter(table);
        root.setBottom(detail);
    }

    private TableColumn<AuditViewModel.Row, String> column(String key, double width, Function<AuditViewModel.Row, String> value) {
        TableColumn<AuditViewModel.Row, String> c = new TableColumn<>(texts.get(key));
        c.setCellValueFactory(f -> new SimpleStringProperty(value.apply(f.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    Node root() {
        return root;
    }
}
