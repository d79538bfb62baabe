package org.hotline.supervisor.admin;

import java.util.List;
import java.util.Locale;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.hotline.agent.Messages;
import org.hotline.api.v1.SlaPolicy;
import org.hotline.api.v1.WorkOrderPriority;

/**
 * The time limits of work orders of one type and priority: respond and resolve minutes, when the
 * order turns to warning, how often an overdue order escalates, and the calendar whose business
 * time the clock counts (none: around the clock).
 */
public final class SlaPolicyForm extends EntityForm<SlaPolicy> {
    /** Most minutes the server takes: a year. */
    static final int MAX_MINUTES = 525_600;
    public static final List<WorkOrderPriority> PRIORITIES = List.of(WorkOrderPriority.WORK_ORDER_URGENT,
            WorkOrderPriority.WORK_ORDER_HIGH, WorkOrderPriority.WORK_ORDER_NORMAL, WorkOrderPriority.WORK_ORDER_LOW);

    private final StringProperty type = new SimpleStringProperty("");
    private final ObjectProperty<WorkOrderPriority> priority = new SimpleObjectProperty<>(WorkOrderPriority.WORK_ORDER_NORMAL);
    private final StringProperty respond = new SimpleStringProperty("");
    private final StringProperty resolve = new SimpleStringProperty("");
    private final StringProperty warning = new SimpleStringProperty("");
    private final StringProperty escalate = new SimpleStringProperty("");
    private final StringProperty calendar = new SimpleStringProperty("");
    private final ObservableList<String> types;
    private final ObservableList<String> calendars;

    public SlaPolicyForm(Messages texts, ObservableList<String> types, ObservableList<String> calendars) {
        super(texts);
        this.types = types;
        this.calendars = calendars;
        watch(type, priority, respond, resolve, warning, escalate, calendar);
    }

    /** The audit's name of a priority: NORMAL for WORK_ORDER_NORMAL. */
    private static String shortName(WorkOrderPriority p) {
        return p.name().substring("WORK_ORDER_".length());
    }

    @Override
    public String key(SlaPolicy s) {
        return s.getTypeCode() + "/" + shortName(s.getPriority());
    }

    @Override
    public String title(SlaPolicy s) {
        return s.getTypeCode() + " · " + texts.get("admin.priority." + shortName(s.getPriority()).toLowerCase(Locale.ROOT));
    }

    @Override
    public String auditTarget(SlaPolicy s) {
        return "sla_policy:" + key(s);
    }

    @Override
    public boolean canDelete(SlaPolicy s) {
        return true;
    }

    @Override
    protected void fill(SlaPolicy s) {
        type.set(s == null ? "" : s.getTypeCode());
        priority.set(s == null ? WorkOrderPriority.WORK_ORDER_NORMAL : s.getPriority());
        respond.set(s == null ? "60" : String.valueOf(s.getRespondMinutes()));
        resolve.set(s == null ? "1440" : String.valueOf(s.getResolveMinutes()));
        warning.set(s == null ? "80" : String.valueOf(s.getWarningPercent()));
        escalate.set(s == null ? "240" : String.valueOf(s.getEscalateEveryMinutes()));
        calendar.set(s == null ? "" : s.getCalendarId());
    }

    @Override
    protected SlaPolicy build() {
        return SlaPolicy.newBuilder().setTypeCode(text(type)).setPriority(priority.get())
                .setRespondMinutes(Integer.parseInt(text(respond))).setResolveMinutes(Integer.parseInt(text(resolve)))
                .setWarningPercent(Integer.parseInt(text(warning))).setEscalateEveryMinutes(Integer.parseInt(text(escalate)))
                .setCalendarId(text(calendar)).build();
    }

    @Override
    protected void check(Problems p) {
        if (p.required("type_code", type.get()) && !types.isEmpty() && !types.contains(text(type))) {
            p.of("type_code", "unknown", text(type));
        }
        if (priority.get() == null || priority.get() == WorkOrderPriority.WORK_ORDER_PRIORITY_UNSPECIFIED) {
            p.of("sla_priority", "required");
        }
        int r = p.number("respond", respond.get(), 1, MAX_MINUTES);
        if (r >= 1) {
            p.number("resolve", resolve.get(), r, MAX_MINUTES);
        }
        p.number("warning", warning.get(), 1, 100);
        p.number("escalate", escalate.get(), 1, MAX_MINUTES);
        if (!text(calendar).isEmpty() && !calendars.isEmpty() && !calendars.contains(text(calendar))) {
            p.of("calendar", "unknown", text(calendar));
        }
    }

    public StringProperty typeProperty() {
        return type;
    }

    public ObjectProperty<WorkOrderPriority> priorityProperty() {
        return priority;
    }

    public StringProperty respondProperty() {
        return respond;
    }

    public StringProperty resolveProperty() {
        return resolve;
    }

    public StringProperty warningProperty() {
        return warning;
    }

    public StringProperty escalateProperty() {
        return escalate;
    }

    /** "" for around the clock. */
    public StringProperty calendarProperty() {
        return calendar;
    }

    public ObservableList<String> types() {
        return types;
    }

    public ObservableList<String> calendars() {
        return calendars;
    }
}
