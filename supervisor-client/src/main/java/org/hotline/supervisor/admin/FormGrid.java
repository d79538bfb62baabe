package org.hotline.supervisor.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;
import org.hotline.agent.Messages;

/**
 * Label and input rows of one form, bound to the form's properties: the label is the field's
 * text ({@code admin.field.<field>}), the input gets the id {@code <section>-<field>}, takes
 * changes only while the editor is editable, and is marked while the form has a problem with it.
 */
final class FormGrid {
    private final GridPane grid = new GridPane();
    private final EntityForm<?> form;
    private final Messages texts;
    private final String section;
    private final BooleanExpression editable;
    private final BooleanBinding keyEditable;
    private int row;

    FormGrid(EntityEditor<?, ?> editor, Messages texts, String section) {
        this.form = editor.form();
        this.texts = texts;
        this.section = section;
        this.editable = editor.editableProperty();
        this.keyEditable = editor.editableProperty().and(form.creatingProperty());
        grid.setHgap(8);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(90);
        labels.setMaxWidth(170);
        labels.setHalignment(HPos.RIGHT);
        ColumnConstraints inputs = new ColumnConstraints();
        inputs.setHgrow(Priority.ALWAYS);
        inputs.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, inputs);
    }

    GridPane root() {
        return grid;
    }

    String id(String field) {
        return section + "-" + field.replace('_', '-');
    }

    /** A text input for an id: typed only for a new item. */
    TextField key(String field, StringProperty value) {
        return text(field, value, keyEditable);
    }

    TextField text(String field, StringProperty value) {
        return text(field, value, editable);
    }

    private TextField text(String field, StringProperty value, BooleanExpression canEdit) {
        TextField t = new TextField();
        t.textProperty().bindBidirectional(value);
        bindEditable(t, canEdit);
        add(field, t);
        return t;
    }

    /** A short text input (a number, a time). */
    TextField number(String field, StringProperty value) {
        TextField t = text(field, value);
        t.setMaxWidth(90);
        return t;
    }

    TextArea area(String field, StringProperty value, int rows) {
        TextArea a = new TextArea();
        a.setPrefRowCount(rows);
        a.setWrapText(true);
        a.textProperty().bindBidirectional(value);
        bindEditable(a, editable);
        add(field, a);
        return a;
    }

    <E> ComboBox<E> choice(String field, ObjectProperty<E> value, List<E> items, Function<E, String> label) {
        ComboBox<E> c = new ComboBox<>();
        c.getItems().setAll(items);
        c.setConverter(converter(label));
        c.valueProperty().bindBidirectional(value);
        c.disableProperty().bind(editable.not());
        add(field, c);
        return c;
    }

    /** A pick from the ids of another kind (teams, skills, calendars ...); {@code none} labels the empty choice, null for none. */
    ComboBox<String> pick(String field, StringProperty value, ObservableList<String> items, String none) {
        ComboBox<String> c = new ComboBox<>();
        ObservableList<String> choices = FXCollections.observableArrayList();
        Runnable sync = () -> {
            List<String> l = new ArrayList<>();
            if (none != null) {
                l.add("");
            }
            items.stream().filter(s -> !s.isEmpty()).forEach(l::add);
            // A new list of choices must not clear what the form holds.
            String keep = value.get();
            form.quietly(() -> {
                choices.setAll(l);
                value.set(keep);
            });
        };
        items.addListener((ListChangeListener<String>) ch -> sync.run());
        sync.run();
        c.setItems(choices);
        Function<String, String> label = s -> s == null || s.isEmpty() ? (none == null ? "" : none) : s;
        c.setConverter(converter(label));
        c.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? "" : label.apply(s));
            }
        });
        c.valueProperty().bindBidirectional(value);
        c.disableProperty().bind(editable.not());
        add(field, c);
        return c;
    }

    CheckBox check(String field, BooleanProperty value) {
        CheckBox c = new CheckBox(texts.get("admin.field." + field));
        c.setWrapText(true);
        c.selectedProperty().bindBidirectional(value);
        c.disableProperty().bind(editable.not());
        c.setId(id(field));
        grid.add(c, 1, row++);
        return c;
    }

    /** Any input (a small table) under the field's label. */
    void node(String field, Node input) {
        add(field, input);
    }

    /** A line of explanation across the form. */
    Label note(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("admin-note");
        grid.add(l, 1, row++);
        return l;
    }

    private void add(String field, Node input) {
        Label l = new Label(texts.get("admin.field." + field));
        l.setWrapText(true);
        l.setLabelFor(input);
        GridPane.setValignment(l, VPos.TOP);
        l.setPadding(new javafx.geometry.Insets(4, 0, 0, 0));
        if (input.getId() == null) {
            input.setId(id(field));
        }
        grid.add(l, 0, row);
        grid.add(input, 1, row++);
        if (input instanceof Control c) {
            mark(field, c);
        }
    }

    /** Marks {@code input} while the form has a problem with {@code field}. */
    void mark(String field, Control input) {
        Runnable restyle = () -> {
            String problem = form.problems().get(field);
            input.getStyleClass().remove("admin-invalid");
            if (problem != null) {
                input.getStyleClass().add("admin-invalid");
            }
            input.setTooltip(problem == null ? null : new Tooltip(problem));
        };
        form.problems().addListener((MapChangeListener<String, String>) ch -> restyle.run());
        restyle.run();
    }

    static void bindEditable(TextInputControl t, BooleanExpression canEdit) {
        t.editableProperty().bind(canEdit);
        canEdit.addListener((o, a, b) -> restyle(t, b));
        restyle(t, canEdit.get());
    }

    private static void restyle(TextInputControl t, boolean editable) {
        t.getStyleClass().remove("admin-read-only-input");
        if (!editable) {
            t.getStyleClass().add("admin-read-only-input");
        }
    }

    static <E> StringConverter<E> converter(Function<E, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(E e) {
                return e == null ? "" : label.apply(e);
            }

            @Override
            public E fromString(String s) {
                throw new UnsupportedOperationException("choices are picked, not typed");
            }
        };
    }
}
