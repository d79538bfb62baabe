package org.hotline.supervisor.admin;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hotline.api.v1.SkillLevel;

/**
 * A small table of skills with levels 1-10 (an agent's skills, a queue's required or overflow
 * skills): rows are added and removed, each row's skill and level typed or picked.
 */
public final class SkillLevels {
    /** One row; the level is text so that a wrong one can be typed and shown as wrong. */
    public static final class Row {
        private final StringProperty skill = new SimpleStringProperty("");
        private final StringProperty level = new SimpleStringProperty("");

        Row(String skill, String level) {
            this.skill.set(skill);
            this.level.set(level);
        }

        public StringProperty skillProperty() {
            return skill;
        }

        public StringProperty levelProperty() {
            return level;
        }
    }

    private final ObservableList<Row> rows = FXCollections.observableArrayList(r -> new Observable[] {r.skill, r.level});
    private final ObservableList<String> known;

    /** @param known the skills that exist (ListSkills), offered in each row and checked against */
    public SkillLevels(ObservableList<String> known) {
        this.known = known;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObservableList<String> known() {
        return known;
    }

    /** A new row: the first skill not yet in the table, at level 5. */
    public Row add() {
        Set<String> used = new HashSet<>();
        rows.forEach(r -> used.add(r.skill.get()));
        String skill = known.stream().filter(s -> !used.contains(s)).findFirst().orElse("");
        Row r = new Row(skill, "5");
        rows.add(r);
        return r;
    }

    public void remove(Row r) {
        rows.remove(r);
    }

    void set(List<SkillLevel> levels) {
        rows.setAll(levels.stream().map(l -> new Row(l.getSkillId(), String.valueOf(l.getLevel()))).toList());
    }

    List<SkillLevel> value() {
        return rows.stream().map(r -> SkillLevel.newBuilder().setSkillId(r.skill.get().strip())
                .setLevel(Integer.parseInt(r.level.get().strip())).build()).toList();
    }

    /** Each row names a known skill once, at a level from 1 to 10. */
    void check(Problems p, String field) {
        Set<String> seen = new HashSet<>();
        for (Row r : rows) {
            String skill = r.skill.get() == null ? "" : r.skill.get().strip();
            if (skill.isEmpty()) {
                p.of(field, "skill_missing");
                return;
            }
            if (!known.isEmpty() && !known.contains(skill)) {
                p.of(field, "skill_unknown", skill);
                return;
            }
            if (!seen.add(skill)) {
                p.of(field, "skill_twice", skill);
                return;
            }
            String level = r.level.get() == null ? "" : r.level.get().strip();
            if (!level.matches("[0-9]{1,2}") || Integer.parseInt(level) < 1 || Integer.parseInt(level) > 10) {
                p.of(field, "level", skill, level);
                return;
            }
        }
    }
}
