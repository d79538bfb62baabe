package org.hotline.cti.storage;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;

import org.hotline.cti.routing.BusinessHours;
import org.hotline.cti.routing.QueueDefinition;

/** A row of {@code queues} with its skills, opening hours and dialled numbers. */
@Entity
@Table(name = "queues")
class QueueEntity extends EditableEntity {
    @Column(name = "site_id", nullable = false, length = 32)
    private String siteId;

    @Column(name = "queue_id", nullable = false, length = 64)
    private String queueId;

    @Column(name = "name", nullable = false, length = 128)
    private String name;

    @Column(name = "priority", nullable = false)
    private int priority;

    @Column(name = "overflow_after_seconds", nullable = false)
    private int overflowAfterSeconds;

    @Column(name = "service_level_seconds", nullable = false)
    private int serviceLevelSeconds;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @ElementCollection
    @CollectionTable(name = "queue_required_skills", joinColumns = @JoinColumn(name = "queue_pk"))
    @MapKeyColumn(name = "skill_id", length = 64)
    @Column(name = "min_level", nullable = false)
    private Map<String, Integer> requiredSkills = new HashMap<>();

    @ElementCollection
    @CollectionTable(name = "queue_overflow_skills", joinColumns = @JoinColumn(name = "queue_pk"))
    @MapKeyColumn(name = "skill_id", length = 64)
    @Column(name = "min_level", nullable = false)
    private Map<String, Integer> overflowSkills = new HashMap<>();

    @ElementCollection
    @CollectionTable(name = "queue_hours", joinColumns = @JoinColumn(name = "queue_pk"))
    @MapKeyColumn(name = "day_of_week")
    private Map<Integer, OpeningWindow> hours = new HashMap<>();

    @ElementCollection
    @CollectionTable(name = "queue_numbers", joinColumns = @JoinColumn(name = "queue_pk"))
    @Column(name = "dialled_number", nullable = false, length = 64)
    private Set<String> dialledNumbers = new TreeSet<>();

    protected QueueEntity() {}

    QueueEntity(String siteId, String queueId) {
        this.siteId = siteId;
        this.queueId = queueId;
    }

    void apply(QueueDefinition queue) {
        name = queue.name();
        priority = queue.priority();
        overflowAfterSeconds = Math.toIntExact(queue.overflowAfter().toSeconds());
        serviceLevelSeconds = Math.toIntExact(queue.serviceLevelThreshold().toSeconds());
        timeZone = queue.hours().zone().getId();
        requiredSkills.clear();
        requiredSkills.putAll(queue.requiredSkills());
        overflowSkills.clear();
        overflowSkills.putAll(queue.overflowSkills());
        hours.clear();
        queue.hours().days().forEach((day, window) ->
                hours.put(day.getValue(), new OpeningWindow(window.open(), window.close())));
        dialledNumbers.clear();
        dialledNumbers.addAll(queue.dialledNumbers());
    }

    QueueDefinition toDefinition() {
        Map<DayOfWeek, BusinessHours.Window> days = new EnumMap<>(DayOfWeek.class);
        hours.forEach((day, window) -> days.put(DayOfWeek.of(day), new BusinessHours.Window(window.opensAt, window.closesAt)));
        return new QueueDefinition(queueId, name, priority, requiredSkills, Duration.ofSeconds(overflowAfterSeconds),
                overflowSkills, Duration.ofSeconds(serviceLevelSeconds), new BusinessHours(ZoneId.of(timeZone), days),
                new ArrayList<>(new TreeSet<>(dialledNumbers)), siteId);
    }

    /** One open weekday; a close of 00:00 means the end of the day. */
    @Embeddable
    static class OpeningWindow {
        @Column(name = "opens_at", nullable = false)
        private LocalTime opensAt;

        @Column(name = "closes_at", nullable = false)
        private LocalTime closesAt;

        protected OpeningWindow() {}

        OpeningWindow(LocalTime opensAt, LocalTime closesAt) {
            this.opensAt = opensAt;
            this.closesAt = closesAt;
        }
    }
}
