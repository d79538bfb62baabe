package org.hotline.supervisor.admin;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hotline.agent.Messages;
import org.hotline.api.v1.WorkOrderField;
import org.hotline.api.v1.WorkOrderFieldKind;
import org.hotline.api.v1.WorkOrderType;

/**
 * A work-order type and its form, built without code: fields with a code, a label, a kind,
 * whether the agent must fill it, and the choices of a choice field. Types are saved through
 * WorkOrders.SaveType (which creates or replaces by code) and are not deleted.
 */
public final class WorkOrderTypeForm extends EntityForm<WorkOrderType> {
    /** Type codes and field codes on the server: lower-case letters, digits and '_', starting with a letter. */
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    /** The kinds a field can have, in the order the form offers them. */
    public static final List<WorkOrderFieldKind> KINDS = List.of(WorkOrderFieldKind.WORK_ORDER_FIELD_TEXT,
            WorkOrderFieldKind.WORK_ORDER_FIELD_NUMBER, WorkOrderFieldKind.WORK_ORDER_FIELD_DATE,
            WorkOrderFieldKind.WORK_ORDER_FIELD_CHOICE, WorkOrderFieldKind.WORK_ORDER_FIELD_ADDRESS,
            WorkOrderFieldKind.WORK_ORDER_FIELD_YES_NO);

    /** One field of the type's form. */
    public static final class Field {
        private final StringProperty key = new SimpleStringProperty("");
        private final StringProperty label = new SimpleStringProperty("");
        private final ObjectProperty<WorkOrderFieldKind> kind = new SimpleObjectProperty<>(WorkOrderFieldKind.WORK_ORDER_FIELD_TEXT);
        private final BooleanProperty required = new SimpleBooleanProperty();
        private final StringProperty choices = new SimpleStringProperty("");

        public StringProperty keyProperty() {
            return key;
        }

        public StringProperty labelProperty() {
            return label;
        }

        public ObjectProperty<WorkOrderFieldKind> kindProperty() {
            return kind;
        }

        public BooleanProperty requiredProperty() {
            return required;
        }

        /** Choices separated by commas. */
        public StringProperty choicesProperty() {
            return choices;
        }

        List<String> choiceList() {
            return Arrays.stream(choices.get().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
    }

    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final BooleanProperty confidential = new SimpleBooleanProperty();
    private final ObservableList<Field> fields = FXCollections.observableArrayList(
            f -> new Observable[] {f.key, f.label, f.kind, f.required, f.choices});
    private List<String> stored = List.of();

    public WorkOrderTypeForm(Messages texts) {
        super(texts);
        watch(code, name, confidential, fields);
    }

    /** The stored types' codes: a new type may not take one (SaveType would replace it). */
    void stored(ObservableList<String> codes) {
        codes.addListener((javafx.collections.ListChangeListener<String>) c -> stored = List.copyOf(codes));
        stored = List.copyOf(codes);
    }

    @Override
    public String key(WorkOrderType t) {
        return t.getCode();
    }

    @Override
    public String title(WorkOrderType t) {
        return t.getCode() + "  " + t.getName();
    }

    @Override
    public String auditTarget(WorkOrderType t) {
        return "work_order_type:" + t.getCode();
    }

    @Override
    protected void fill(WorkOrderType t) {
        code.set(t == null ? "" : t.getCode());
        name.set(t == null ? "" : t.getName());
        confidential.set(t != null && t.getConfidential());
        fields.clear();
        if (t != null) {
            for (WorkOrderField f : t.getFieldsList()) {
                Field row = new Field();
                row.key.set(f.getKey());
                row.label.set(f.getLabel());
                row.kind.set(f.getKind());
                row.required.set(f.getRequired());
                row.choices.set(String.join(", ", f.getChoicesList()));
                fields.add(row);
            }
        }
    }

    @Override
    protected WorkOrderType build() {
        WorkOrderType.Builder b = WorkOrderType.newBuilder().setCode(text(code)).setName(text(name))
                .setConfidential(confidential.get());
        for (Field f : fields) {
            b.addFields(WorkOrderField.newBuilder().setKey(f.key.get().strip()).setLabel(f.label.get().strip())
                    .setKind(f.kind.get()).setRequired(f.required.get())
                    .addAllChoices(f.kind.get() == WorkOrderFieldKind.WORK_ORDER_FIELD_CHOICE ? f.choiceList() : List.of()));
        }
        return b.build();
    }

    @Override
    protected void check(Problems p) {
        p.pattern("type_code", code.get(), CODE, "code");
        if (creating() && stored.contains(text(code))) {
            p.of("type_code", "taken", text(code));
        }
        p.required("name", name.get());
        Set<String> keys = new HashSet<>();
        for (Field f : fields) {
            String key = f.key.get() == null ? "" : f.key.get().strip();
            if (!CODE.matcher(key).matches()) {
                p.of("fields", "field_code", key);
                return;
            }
            if (!keys.add(key)) {
                p.of("fields", "field_twice", key);
                return;
            }
            if (f.label.get() == null || f.label.get().isBlank()) {
                p.of("fields", "field_label", key);
                return;
            }
            if (f.kind.get() == WorkOrderFieldKind.WORK_ORDER_FIELD_CHOICE) {
                if (f.choiceList().isEmpty()) {
                    p.of("fields", "field_choices", key);
                    return;
                }
                if (f.choiceList().stream().anyMatch(c -> c.contains("|"))) {
                    p.of("fields", "field_bar", key);
                    return;
                }
            }
        }
    }

    /** A new empty field at the end of the form. */
    public Field addField() {
        Field f = new Field();
        fields.add(f);
        return f;
    }

    public void removeField(Field f) {
        fields.remove(f);
    }

    /** Moves a field one place up ({@code -1}) or down ({@code +1}) in the form. */
    public void moveField(Field f, int by) {
        int i = fields.indexOf(f);
        int j = i + by;
        if (i < 0 || j < 0 || j >= fields.size()) {
            return;
        }
        fields.remove(i);
        fields.add(j, f);
    }

    public StringProperty codeProperty() {
        return code;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public BooleanProperty confidentialProperty() {
        return confidential;
    }

    public ObservableList<Field> fields() {
        return fields;
    }
}
