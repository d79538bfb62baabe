package org.hotline.supervisor.admin;

import java.util.Optional;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hotline.agent.Messages;
import org.hotline.api.v1.OrgUnit;

/**
 * One section of the Administration tab: the list of a kind on the left (a tree for
 * departments), the form of the selected or a new item on the right with what is wrong as typed,
 * the server's answer, and Save, Delete and History. The inputs come from {@link AdminForms}.
 */
final class EntityView<T> {
    private final SplitPane root;

    /**
     * @param section the prefix of the inputs' ids ("queues" gives "queues-save", "queues-name" ...)
     * @param history opens the audit entries of the selected item; null when this user cannot read the audit log
     */
    EntityView(EntityEditor<T, ?> editor, Messages texts, String section, Node form, Node extra, Runnable history, Region list) {
        Button add = new Button(texts.get("admin.new"));
        add.setId(section + "-new");
        add.setDisable(!editor.canCreate());
        add.setOnAction(e -> editor.startNew());
        Button reload = new Button(texts.get("admin.reload"));
        reload.setId(section + "-reload");
        reload.setOnAction(e -> editor.refresh());
        HBox tools = new HBox(6, add, reload);
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox left = new VBox(6, tools, list);
        left.setPadding(new Insets(0, 6, 0, 0));
        left.setMinWidth(180);

        Label heading = new Label();
        heading.getStyleClass().add("admin-heading");
        heading.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> editor.form().creating()
                ? texts.get("admin.heading.new") : editor.form().title(editor.selectedProperty().get()),
                editor.form().creatingProperty(), editor.selectedProperty()));
        Label readOnly = banner(editor.readOnlyReason(), "admin-read-only");
        readOnly.setId(section + "-read-only");
        Label locked = status(section + "-locked", "admin-read-only");
        locked.textProperty().bind(editor.lockedProperty());
        Label problems = status(section + "-problems", "admin-problems");
        problems.textProperty().bind(editor.form().problemTextProperty());
        Label error = status(section + "-error", "error");
        error.textProperty().bind(editor.errorProperty());
        Label notice = status(section + "-notice", "admin-notice");
        notice.textProperty().bind(editor.noticeProperty());

        Button save = new Button(texts.get("admin.save"));
        save.setId(section + "-save");
        save.setDefaultButton(false);
        save.disableProperty().bind(editor.canSaveProperty().not());
        save.setOnAction(e -> editor.save());
        Button delete = new Button(texts.get("admin.delete"));
        delete.setId(section + "-delete");
        delete.disableProperty().bind(editor.canDeleteProperty().not());
        delete.setOnAction(e -> {
            if (confirm(texts.get("admin.delete.confirm", editor.form().title(editor.selectedProperty().get())))) {
                editor.delete();
            }
        });
        HBox buttons = new HBox(8, save, delete);
        if (history != null) {
            Button h = new Button(texts.get("admin.history"));
            h.setId(section + "-history");
            h.disableProperty().bind(editor.selectedProperty().isNull());
            h.setOnAction(e -> history.run());
            buttons.getChildren().add(h);
        }
        // The form scrolls; what is wrong, the buttons and the server's answer stay in sight below it.
        VBox fields = new VBox(8, form);
        if (extra != null) {
            fields.getChildren().add(extra);
        }
        fields.setPadding(new Insets(4, 12, 8, 8));
        ScrollPane scroll = new ScrollPane(fields);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.getStyleClass().add("admin-form");
        VBox top = new VBox(6, heading, readOnly, locked);
        top.setPadding(new Insets(0, 8, 6, 8));
        VBox bottom = new VBox(6, problems, buttons, error, notice);
        bottom.setPadding(new Insets(8, 8, 0, 8));
        BorderPane right = new BorderPane(scroll, top, null, bottom, null);
        root = new SplitPane(left, right);
        root.setDividerPositions(0.28);
        root.setId(section + "-section");
    }

    Node root() {
        return root;
    }

    static Label banner(String text, String style) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(style);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setManaged(!text.isEmpty());
        l.setVisible(!text.isEmpty());
        return l;
    }

    private static Label status(String id, String style) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add(style);
        l.setMaxWidth(Double.MAX_VALUE);
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        l.visibleProperty().bind(l.managedProperty());
        return l;
    }

    static boolean confirm(String question) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.OK, ButtonType.CANCEL);
        a.setHeaderText(null);
        Optional<ButtonType> answer = a.showAndWait();
        return answer.isPresent() && answer.get() == ButtonType.OK;
    }

    /** The plain list of a kind, its selection kept with the editor's. */
    static <T> ListView<T> list(EntityEditor<T, ?> editor, String section, Messages texts) {
        ListView<T> list = new ListView<>(editor.items());
        list.setId(section + "-list");
        list.setPlaceholder(new Label(texts.get("admin.empty")));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "" : editor.form().title(item));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                editor.select(b);
            }
        });
        editor.selectedProperty().addListener((o, a, b) -> {
            if (b == null) {
                list.getSelectionModel().clearSelection();
            } else if (list.getSelectionModel().getSelectedItem() != b) {
                list.getSelectionModel().select(b);
            }
        });
        return list;
    }

    /** The departments and their teams as a tree, redrawn when the list changes. */
    static TreeView<OrgUnit> tree(EntityEditor<OrgUnit, ?> editor, String section, Messages texts) {
        TreeItem<OrgUnit> top = new TreeItem<>();
        TreeView<OrgUnit> tree = new TreeView<>(top);
        tree.setShowRoot(false);
        tree.setId(section + "-list");
        tree.setCellFactory(v -> new javafx.scene.control.TreeCell<>() {
            @Override
            protected void updateItem(OrgUnit u, boolean empty) {
                super.updateItem(u, empty);
                setText(empty || u == null ? "" : editor.form().title(u)
                        + (u.getKind() == org.hotline.api.v1.OrgUnitKind.ORG_UNIT_TEAM ? " · " + texts.get("admin.kind_unit.team") : ""));
            }
        });
        boolean[] redrawing = {false};
        Runnable redraw = () -> {
            redrawing[0] = true;
            top.getChildren().setAll(DepartmentForm.tree(editor.items()).stream().map(EntityView::item).toList());
            select(tree, top, editor.selectedProperty().get());
            redrawing[0] = false;
        };
        editor.items().addListener((ListChangeListener<OrgUnit>) c -> redraw.run());
        redraw.run();
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!redrawing[0] && b != null && b.getValue() != null) {
                editor.select(b.getValue());
            }
        });
        editor.selectedProperty().addListener((o, a, b) -> select(tree, top, b));
        return tree;
    }

    private static TreeItem<OrgUnit> item(DepartmentForm.Node n) {
        TreeItem<OrgUnit> i = new TreeItem<>(n.unit());
        i.setExpanded(true);
        n.children().forEach(c -> i.getChildren().add(item(c)));
        return i;
    }

    private static void select(TreeView<OrgUnit> tree, TreeItem<OrgUnit> top, OrgUnit unit) {
        if (unit == null) {
            tree.getSelectionModel().clearSelection();
            return;
        }
        TreeItem<OrgUnit> found = find(top, unit);
        if (found != null && tree.getSelectionModel().getSelectedItem() != found) {
            tree.getSelectionModel().select(found);
        }
    }

    private static TreeItem<OrgUnit> find(TreeItem<OrgUnit> at, OrgUnit unit) {
        if (at.getValue() == unit) {
            return at;
        }
        for (TreeItem<OrgUnit> c : at.getChildren()) {
            TreeItem<OrgUnit> f = find(c, unit);
            if (f != null) {
                return f;
            }
        }
        return null;
    }
}
