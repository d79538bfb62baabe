package org.hotline.agent.tickets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.hotline.agent.Messages;
import org.hotline.api.v1.WorkOrderField;
import org.hotline.api.v1.WorkOrderFieldKind;

import static java.util.Objects.requireNonNull;

/**
 * One custom field of a work-order type's form: its definition, the value typed, and the
 * problem with that value ("" when valid), re-checked on every keystroke. The rules are the
 * server's (FormValidator), so a form the desk accepts is one the server accepts.
 */
public final class FormField {
    /** YES_NO values as sent to the server. */
    public static final String YES = "true";
    public static final String NO = "false";
    static final int MAX_LENGTH = 2000;

    private final WorkOrderField definition;
    private final Messages messages;
    private final StringProperty value = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    FormField(WorkOrderField definition, Messages messages) {
        this.definition = requireNonNull(definition, "definition");
        this.messages = requireNonNull(messages, "messages");
        value.addListener((o, was, now) -> error.set(problem(now)));
        error.set(problem(""));
    }

    public WorkOrderField definition() {
        return definition;
    }

    public String key() {
        return definition.getKey();
    }

    public WorkOrderFieldKind kind() {
        return definition.getKind();
    }

    public List<String> choices() {
        return definition.getChoicesList();
    }

    public StringProperty valueProperty() {
        return value;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public boolean valid() {
        return error.get().isEmpty();
    }

    private String problem(String raw) {
        String v = raw == null ? "" : raw.strip();
        if (v.isEmpty()) {
            return definition.getRequired() ? messages.get("wo.error.required") : "";
        }
        if (v.length() > MAX_LENGTH) {
            return messages.get("wo.error.too_long", String.valueOf(MAX_LENGTH));
        }
        return switch (definition.getKind()) {
            case WORK_ORDER_FIELD_NUMBER -> number(v) ? "" : messages.get("wo.error.number", v);
            case WORK_ORDER_FIELD_DATE -> date(v) ? "" : messages.get("wo.error.date", v);
            case WORK_ORDER_FIELD_CHOICE -> definition.getChoicesList().contains(v) ? ""
                    : messages.get("wo.error.choice", String.join(", ", definition.getChoicesList()));
            case WORK_ORDER_FIELD_ADDRESS -> v.length() >= 4 ? "" : messages.get("wo.error.address", 4);
            case WORK_ORDER_FIELD_YES_NO -> v.equals(YES) || v.equals(NO) ? "" : messages.get("wo.error.yes_no");
            default -> "";
        };
    }

    private static boolean number(String v) {
        try {
            new BigDecimal(v);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean date(String v) {
        try {
            LocalDate.parse(v);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
