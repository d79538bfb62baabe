package org.hotline.agent.tickets;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.hotline.agent.Messages;
import org.hotline.api.v1.OrgUnit;
import org.hotline.api.v1.WorkOrderPriority;
import org.hotline.api.v1.WorkOrderType;

/**
 * The work-order form: fixed fields, then the type's own fields (rebuilt when the type changes),
 * each with its problem beside it; the dispatch target; Save enabled only when the form is
 * valid; drafts waiting for the server and drafts left from an earlier run. Scrolls, so it
 * fits the right half of a 1366x768 desk.
 */
public final class WorkOrderFormView {
    private final WorkOrderFormViewModel vm;
    private final Messages messages;
    private final ScrollPane root;
    private final GridPane custom = grid();

    public WorkOrderFormView(WorkOrderFormViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;

        Label heading = new Label(messages.get("wo.heading"));
        heading.getStyleClass().add("wo-heading");
        Label call = new Label();
        call.getStyleClass().add("wo-call");
        call.textProperty().bind(Bindings.createStringBinding(() -> vm.sourceCallIdProperty().get().isEmpty()
                ? messages.get("wo.no_call") : messages.get("wo.source_call", vm.sourceCallIdProperty().get()),
                vm.sourceCallIdProperty()));
        HBox head = new HBox(12, heading, call);
        head.setAlignment(Pos.BASELINE_LEFT);

        GridPane fixed = grid();
        ComboBox<WorkOrderType> type = new ComboBox<>(vm.types());
        type.setId("wo-type");
        type.setConverter(converter(t -> t.getName()));
        type.valueProperty().bindBidirectional(vm.typeProperty());
        ComboBox<WorkOrderPriority> priority = new ComboBox<>();
        priority.getItems().setAll(WorkOrderPriority.WORK_ORDER_URGENT, WorkOrderPriority.WORK_ORDER_HIGH,
                WorkOrderPriority.WORK_ORDER_NORMAL, WorkOrderPriority.WORK_ORDER_LOW);
        priority.setConverter(converter(p -> messages.get("wo.priority." + p.name())));
        priority.valueProperty().bindBidirectional(vm.priorityProperty());
        int row = 0;
        row = add(fixed, row, messages.get("wo.type") + " *", type, vm.typeErrorProperty());
        row = add(fixed, row, messages.get("wo.priority"), priority, null);
        row = add(fixed, row, messages.get("wo.title") + " *", text("wo-title", vm.titleProperty()), vm.titleErrorProperty());
        TextArea description = new TextArea();
        description.setId("wo-description");
        description.setPrefRowCount(3);
        description.setWrapText(true);
        description.textProperty().bindBidirectional(vm.descriptionProperty());
        row = add(fixed, row, messages.get("wo.description"), description, null);
        row = add(fixed, row, messages.get("wo.caller"), text("wo-caller", vm.callerNumberProperty()), null);
        row = add(fixed, row, messages.get("wo.customer"), text("wo-customer", vm.customerIdProperty()), null);
        row = add(fixed, row, messages.get("wo.area"), text("wo-area", vm.areaProperty()), null);
        add(fixed, row, messages.get("wo.address"), text("wo-address", vm.addressProperty()), null);

        Label customHeading = new Label(messages.get("wo.form_fields"));
        customHeading.getStyleClass().add("wo-section");
        customHeading.visibleProperty().bind(Bindings.isNotEmpty(vm.fields()));
        customHeading.managedProperty().bind(customHeading.visibleProperty());
        vm.fields().addListener((ListChangeListener<FormField>) c -> rebuildCustom());
        rebuildCustom();

        GridPane dispatch = grid();
        ComboBox<OrgUnit> department = new ComboBox<>(vm.departments());
        department.setId("wo-department");
        department.setConverter(converter(OrgUnit::getName));
        department.valueProperty().bindBidirectional(vm.departmentProperty());
        ComboBox<OrgUnit> team = new ComboBox<>(vm.teams());
        team.setId("wo-team");
        team.setConverter(converter(OrgUnit::getName));
        team.valueProperty().bindBidirectional(vm.teamProperty());
        team.disableProperty().bind(Bindings.isEmpty(vm.teams()));
        int r = add(dispatch, 0, messages.get("wo.department") + " *", department, vm.departmentErrorProperty());
        add(dispatch, r, messages.get("wo.team"), team, null);

        Button save = new Button(messages.get("wo.save"));
        save.setId("wo-save");
        save.setDefaultButton(false);
        save.getStyleClass().add("wo-save");
        save.disableProperty().bind(vm.canSaveProperty().not());
        save.setOnAction(e -> vm.save());
        Button clear = new Button(messages.get("wo.discard"));
        clear.setId("wo-clear");
        clear.disableProperty().bind(vm.busyProperty());
        clear.setOnAction(e -> vm.discard());
        HBox buttons = new HBox(8, save, clear);
        Label status = new Label();
        status.setId("wo-status");
        status.getStyleClass().add("wo-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());

        VBox drafts = new VBox(4);
        Runnable redraw = () -> drafts.getChildren().setAll(draftRows());
        vm.pending().addListener((ListChangeListener<Draft>) c -> redraw.run());
        vm.recovered().addListener((ListChangeListener<Draft>) c -> redraw.run());
        redraw.run();

        for (Node n : List.of(fixed, custom, dispatch)) {
            n.disableProperty().bind(vm.busyProperty());
        }
        VBox form = new VBox(10, head, fixed, customHeading, custom, dispatch, buttons, status, drafts);
        form.setPadding(new Insets(10, 14, 14, 14));
        form.getStyleClass().add("wo-form");
        root = new ScrollPane(form);
        root.setFitToWidth(true);
        root.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        root.getStylesheets().add(WorkOrderFormView.class.getResource("workorder.css").toExternalForm());
    }

    public ScrollPane root() {
        return root;
    }

    private void rebuildCustom() {
        custom.getChildren().clear();
        int row = 0;
        for (FormField f : vm.fields()) {
            String label = f.definition().getLabel() + (f.definition().getRequired() ? " *" : "");
            row = add(custom, row, label, editor(f), f.errorProperty());
        }
    }

    private Node editor(FormField f) {
        return switch (f.kind()) {
            case WORK_ORDER_FIELD_CHOICE -> {
                ComboBox<String> c = new ComboBox<>();
                c.getItems().setAll(f.choices());
                c.valueProperty().bindBidirectional(f.valueProperty());
                yield id(c, f);
            }
            case WORK_ORDER_FIELD_YES_NO -> {
                ComboBox<String> c = new ComboBox<>();
                c.getItems().setAll(FormField.YES, FormField.NO);
                c.setConverter(converter(v -> FormField.YES.equals(v) ? messages.get("wo.yes")
                        : FormField.NO.equals(v) ? messages.get("wo.no") : v));
                c.setButtonCell(new ListCell<>() {
                    @Override
                    protected void updateItem(String v, boolean empty) {
                        super.updateItem(v, empty);
                        setText(empty || v == null || v.isEmpty() ? "" : c.getConverter().toString(v));
                    }
                });
                c.valueProperty().bindBidirectional(f.valueProperty());
                yield id(c, f);
            }
            case WORK_ORDER_FIELD_DATE -> {
                TextField t = text(null, f.valueProperty());
                t.setPromptText(messages.get("wo.date_prompt"));
                yield id(t, f);
            }
            default -> id(text(null, f.valueProperty()), f);
        };
    }

    private static Node id(Node n, FormField f) {
        n.setId("wo-field-" + f.key());
        return n;
    }

    private List<Node> draftRows() {
        List<Node> rows = new java.util.ArrayList<>();
        if (!vm.pending().isEmpty()) {
            Label l = new Label(messages.get("wo.pending", vm.pending().size()));
            l.getStyleClass().add("wo-section");
            rows.add(l);
            for (Draft d : vm.pending()) {
                rows.add(new Label(line(d)));
            }
        }
        if (!vm.recovered().isEmpty()) {
            Label l = new Label(messages.get("wo.recovered", vm.recovered().size()));
            l.getStyleClass().add("wo-section");
            rows.add(l);
            for (Draft d : vm.recovered()) {
                Button restore = new Button(messages.get("wo.restore"));
                restore.setOnAction(e -> vm.restore(d));
                Button drop = new Button(messages.get("wo.discard_draft"));
                drop.setOnAction(e -> vm.discardRecovered(d));
                Label text = new Label(line(d) + (d.problem().isEmpty() ? "" : " — " + d.problem()));
                text.setWrapText(true);
                HBox.setHgrow(text, Priority.ALWAYS);
                HBox box = new HBox(6, text, restore, drop);
                box.setAlignment(Pos.CENTER_LEFT);
                rows.add(box);
            }
        }
        return rows;
    }

    private String line(Draft d) {
        String title = d.create().getTitle().isEmpty() ? "…" : d.create().getTitle();
        String who = d.create().getCallerNumber().isEmpty() ? d.create().getCustomerId() : d.create().getCallerNumber();
        return messages.get("wo.draft_line", d.savedAt().atZone(java.time.ZoneId.systemDefault()).toLocalTime()
                .withNano(0).toString(), title, who);
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        ColumnConstraints label = new ColumnConstraints();
        label.setMinWidth(110);
        label.setPrefWidth(130);
        ColumnConstraints input = new ColumnConstraints();
        input.setHgrow(Priority.ALWAYS);
        input.setFillWidth(true);
        input.setMinWidth(160);
        ColumnConstraints error = new ColumnConstraints();
        error.setMinWidth(90);
        error.setPrefWidth(170);
        g.getColumnConstraints().setAll(label, input, error);
        return g;
    }

    private static int add(GridPane g, int row, String label, Node input, ObservableValue<String> error) {
        Label l = new Label(label);
        l.setWrapText(true);
        g.add(l, 0, row);
        if (input instanceof javafx.scene.control.Control c) {
            c.setMaxWidth(Double.MAX_VALUE);
        }
        g.add(input, 1, row);
        if (error != null) {
            Label e = new Label();
            e.getStyleClass().add("wo-error");
            e.setWrapText(true);
            e.textProperty().bind(error);
            g.add(e, 2, row);
        }
        return row + 1;
    }

    private static TextField text(String id, StringProperty value) {
        TextField t = new TextField();
        if (id != null) {
            t.setId(id);
        }
        t.textProperty().bindBidirectional(value);
        return t;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : name.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
