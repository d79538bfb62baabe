package org.hotline.supervisor.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.Property;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hotline.agent.Messages;
import org.hotline.api.v1.WorkOrderFieldKind;

/**
 * The small tables inside forms: skills with levels, the hours of a week, and the fields of a
 * work-order type. Rows are redrawn when rows are added, removed or moved, not while one is
 * typed in (the input being typed in stays where it is).
 */
final class RowTables {
    private RowTables() {
    }

    /** Redraws {@code draw} on structural changes of {@code rows}, releasing the previous drawing's bindings. */
    private static <R> void redrawOn(ObservableList<R> rows, Consumer<List<Runnable>> draw) {
        List<Runnable> unbind = new ArrayList<>();
        Runnable redraw = () -> {
            unbind.forEach(Runnable::run);
            unbind.clear();
            draw.accept(unbind);
        };
        rows.addListener((ListChangeListener<R>) c -> {
            boolean structural = false;
            while (c.next()) {
                structural |= !c.wasUpdated();
            }
            if (structural) {
                redraw.run();
            }
        });
        redraw.run();
    }

    private static <V> void bind(Property<V> input, Property<V> value, List<Runnable> unbind) {
        input.bindBidirectional(value);
        unbind.add(() -> input.unbindBidirectional(value));
    }

    /** A small button with a sign, its meaning as a tooltip (the rows are narrow). */
    private static Button small(String sign, String tip) {
        Button b = new Button(sign);
        b.setTooltip(new javafx.scene.control.Tooltip(tip));
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return b;
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.getStyleClass().add("admin-table-header");
        return l;
    }

    static Region skillLevels(SkillLevels levels, Messages texts, BooleanExpression editable, String id) {
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(4);
        Button add = new Button(texts.get("admin.skills.add"));
        add.setId(id + "-add");
        add.disableProperty().bind(editable.not());
        add.setOnAction(e -> levels.add());
        redrawOn(levels.rows(), unbind -> {
            grid.getChildren().clear();
            if (levels.rows().isEmpty()) {
                grid.add(new Label(texts.get("admin.skills.none")), 0, 0, 3, 1);
                return;
            }
            grid.add(header(texts.get("admin.skills.skill")), 0, 0);
            grid.add(header(texts.get("admin.skills.level")), 1, 0);
            int r = 1;
            for (SkillLevels.Row row : levels.rows()) {
                ComboBox<String> skill = new ComboBox<>(levels.known());
                skill.setPrefWidth(130);
                skill.setId(id + "-skill-" + r);
                bind(skill.valueProperty(), row.skillProperty(), unbind);
                skill.disableProperty().bind(editable.not());
                TextField level = new TextField();
                level.setPrefColumnCount(3);
                level.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                level.setId(id + "-level-" + r);
                bind(level.textProperty(), row.levelProperty(), unbind);
                FormGrid.bindEditable(level, editable);
                Button remove = small("×", texts.get("admin.row.remove"));
                remove.disableProperty().bind(editable.not());
                remove.setOnAction(e -> levels.remove(row));
                grid.addRow(r++, skill, level, remove);
            }
        });
        VBox box = new VBox(4, grid, add);
        box.setId(id);
        return box;
    }

    static Region weekHours(WeekHours hours, Messages texts, BooleanExpression editable, String id) {
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(3);
        grid.setId(id);
        grid.addRow(0, header(texts.get("admin.hours.day")), header(texts.get("admin.hours.open")),
                header(texts.get("admin.hours.from")), new Label(), header(texts.get("admin.hours.to")));
        int r = 1;
        for (WeekHours.Day d : hours.days()) {
            CheckBox open = new CheckBox();
            open.selectedProperty().bindBidirectional(d.openProperty());
            open.disableProperty().bind(editable.not());
            TextField from = new TextField();
            TextField to = new TextField();
            for (TextField t : List.of(from, to)) {
                t.setPrefColumnCount(4);
                FormGrid.bindEditable(t, editable);
                t.disableProperty().bind(d.openProperty().not());
            }
            from.textProperty().bindBidirectional(d.opensProperty());
            to.textProperty().bindBidirectional(d.closesProperty());
            from.setId(id + "-opens-" + d.dayOfWeek());
            to.setId(id + "-closes-" + d.dayOfWeek());
            Label day = new Label(texts.get("admin.field.day." + d.dayOfWeek()));
            day.setMinWidth(Region.USE_PREF_SIZE);
            grid.addRow(r++, day, open, from, new Label("–"), to);
        }
        return grid;
    }

    static Region fields(WorkOrderTypeForm form, Messages texts, BooleanExpression editable, String id) {
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(4);
        Button add = new Button(texts.get("admin.fields.add"));
        add.setId(id + "-add");
        add.disableProperty().bind(editable.not());
        add.setOnAction(e -> form.addField());
        redrawOn(form.fields(), unbind -> {
            grid.getChildren().clear();
            if (form.fields().isEmpty()) {
                grid.add(new Label(texts.get("admin.fields.none")), 0, 0, 6, 1);
                return;
            }
            grid.addRow(0, header(texts.get("admin.fields.code")), header(texts.get("admin.fields.label")),
                    header(texts.get("admin.fields.kind")), header(texts.get("admin.fields.required")),
                    header(texts.get("admin.fields.choices")));
            int r = 1;
            for (WorkOrderTypeForm.Field f : form.fields()) {
                TextField key = new TextField();
                key.setPrefColumnCount(7);
                bind(key.textProperty(), f.keyProperty(), unbind);
                TextField label = new TextField();
                label.setPrefColumnCount(8);
                bind(label.textProperty(), f.labelProperty(), unbind);
                ComboBox<WorkOrderFieldKind> kind = new ComboBox<>();
                kind.getItems().setAll(WorkOrderTypeForm.KINDS);
                kind.setConverter(FormGrid.converter(k -> texts.get("admin.kind." + k.name().substring("WORK_ORDER_FIELD_".length())
                        .toLowerCase(java.util.Locale.ROOT))));
                bind(kind.valueProperty(), f.kindProperty(), unbind);
                CheckBox required = new CheckBox();
                bind(required.selectedProperty(), f.requiredProperty(), unbind);
                TextField choices = new TextField();
                choices.setPrefColumnCount(10);
                choices.setPromptText(texts.get("admin.fields.choices_prompt"));
                bind(choices.textProperty(), f.choicesProperty(), unbind);
                choices.disableProperty().bind(f.kindProperty().isNotEqualTo(WorkOrderFieldKind.WORK_ORDER_FIELD_CHOICE));
                for (TextField t : List.of(key, label, choices)) {
                    FormGrid.bindEditable(t, editable);
                }
                kind.disableProperty().bind(editable.not());
                required.disableProperty().bind(editable.not());
                Button up = small("↑", texts.get("admin.row.up"));
                Button down = small("↓", texts.get("admin.row.down"));
                Button remove = small("×", texts.get("admin.row.remove"));
                up.setOnAction(e -> form.moveField(f, -1));
                down.setOnAction(e -> form.moveField(f, 1));
                remove.setOnAction(e -> form.removeField(f));
                for (Button b : List.of(up, down, remove)) {
                    b.disableProperty().bind(editable.not());
                }
                key.setId(id + "-code-" + r);
                grid.addRow(r++, key, label, kind, required, choices, up, down, remove);
            }
        });
        VBox box = new VBox(4, grid, add);
        box.setPadding(new Insets(2, 0, 2, 0));
        box.setId(id);
        return box;
    }
}
