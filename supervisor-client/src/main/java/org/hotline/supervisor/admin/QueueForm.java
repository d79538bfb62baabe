package org.hotline.supervisor.admin;

import java.util.Arrays;
import java.util.List;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.hotline.agent.Messages;
import org.hotline.api.v1.Queue;

/**
 * A queue: priority, the skills (and levels) an agent needs, the overflow skills that qualify
 * after a wait, the service-level threshold, opening hours in a time zone, and the dialled
 * numbers that lead to it. Queues are not deleted (calls and reports name them).
 */
public final class QueueForm extends EntityForm<Queue> {
    private final StringProperty queueId = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty priority = new SimpleStringProperty("");
    private final StringProperty serviceLevel = new SimpleStringProperty("");
    private final StringProperty overflowAfter = new SimpleStringProperty("");
    private final StringProperty timeZone = new SimpleStringProperty("");
    private final StringProperty numbers = new SimpleStringProperty("");
    private final SkillLevels required;
    private final SkillLevels overflow;
    private final WeekHours hours = new WeekHours();
    private final String defaultZone;

    /** @param defaultZone the time zone a new queue starts with (this desk's) */
    public QueueForm(Messages texts, ObservableList<String> skills, String defaultZone) {
        super(texts);
        this.required = new SkillLevels(skills);
        this.overflow = new SkillLevels(skills);
        this.defaultZone = defaultZone;
        watch(queueId, name, priority, serviceLevel, overflowAfter, timeZone, numbers, required.rows(), overflow.rows(),
                hours.days());
    }

    @Override
    public String key(Queue q) {
        return q.getQueueId();
    }

    @Override
    public String title(Queue q) {
        return q.getQueueId() + "  " + q.getName();
    }

    @Override
    public String auditTarget(Queue q) {
        return "queue:" + q.getQueueId();
    }

    @Override
    protected void fill(Queue q) {
        Queue v = q == null ? Queue.newBuilder().setPriority(5).setServiceLevelSeconds(20).setTimeZone(defaultZone).build() : q;
        queueId.set(v.getQueueId());
        name.set(v.getName());
        priority.set(String.valueOf(v.getPriority()));
        serviceLevel.set(String.valueOf(v.getServiceLevelSeconds()));
        overflowAfter.set(v.getOverflowAfterSeconds() == 0 ? "" : String.valueOf(v.getOverflowAfterSeconds()));
        timeZone.set(v.getTimeZone());
        numbers.set(String.join(", ", v.getDialledNumbersList()));
        required.set(v.getRequiredSkillsList());
        overflow.set(v.getOverflowSkillsList());
        hours.set(v.getHoursList(), q == null ? "08:00" : "", q == null ? "20:00" : "");
    }

    @Override
    protected Queue build() {
        return Queue.newBuilder().setQueueId(text(queueId)).setName(text(name)).setPriority(Integer.parseInt(text(priority)))
                .addAllRequiredSkills(required.value()).addAllOverflowSkills(overflow.value())
                .setOverflowAfterSeconds(overflow.rows().isEmpty() ? 0 : Integer.parseInt(text(overflowAfter)))
                .setServiceLevelSeconds(Integer.parseInt(text(serviceLevel))).setTimeZone(text(timeZone))
                .addAllHours(hours.value()).addAllDialledNumbers(numbers()).build();
    }

    /** The dialled numbers as typed: separated by commas or spaces. */
    private List<String> numbers() {
        return Arrays.stream(text(numbers).split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    protected void check(Problems p) {
        p.id("queue_id", queueId.get());
        p.required("name", name.get());
        p.number("priority", priority.get(), 0, 100);
        p.number("service_level", serviceLevel.get(), 1, 3600);
        required.check(p, "required_skills");
        overflow.check(p, "overflow_skills");
        if (!overflow.rows().isEmpty()) {
            p.number("overflow_after", overflowAfter.get(), 1, 3600);
        }
        p.zone("time_zone", timeZone.get());
        hours.check(p, "hours", false);
    }

    public StringProperty queueIdProperty() {
        return queueId;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty priorityProperty() {
        return priority;
    }

    /** Seconds: a call answered within them counts for the service level. */
    public StringProperty serviceLevelProperty() {
        return serviceLevel;
    }

    public StringProperty overflowAfterProperty() {
        return overflowAfter;
    }

    public StringProperty timeZoneProperty() {
        return timeZone;
    }

    public StringProperty numbersProperty() {
        return numbers;
    }

    public SkillLevels required() {
        return required;
    }

    public SkillLevels overflow() {
        return overflow;
    }

    public WeekHours hours() {
        return hours;
    }
}
