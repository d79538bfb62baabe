package org.hotline.supervisor.admin;

import java.util.function.BiFunction;
import java.util.function.Function;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.hotline.agent.Messages;
import org.hotline.api.v1.Skill;
import org.hotline.api.v1.Team;

/** A kind that is an id and a name, deleted when nothing uses it: skills and teams. */
public final class NamedForm<T> extends EntityForm<T> {
    private final String idField;
    private final String auditPrefix;
    private final Function<T, String> idOf;
    private final Function<T, String> nameOf;
    private final BiFunction<String, String, T> make;
    private final StringProperty id = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");

    private NamedForm(Messages texts, String idField, String auditPrefix, Function<T, String> idOf, Function<T, String> nameOf,
                      BiFunction<String, String, T> make) {
        super(texts);
        this.idField = idField;
        this.auditPrefix = auditPrefix;
        this.idOf = idOf;
        this.nameOf = nameOf;
        this.make = make;
        watch(id, name);
    }

    public static NamedForm<Skill> skills(Messages texts) {
        return new NamedForm<>(texts, "skill_id", "skill:", Skill::getSkillId, Skill::getName,
                (id, name) -> Skill.newBuilder().setSkillId(id).setName(name).build());
    }

    public static NamedForm<Team> teams(Messages texts) {
        return new NamedForm<>(texts, "team_id", "team:", Team::getTeamId, Team::getName,
                (id, name) -> Team.newBuilder().setTeamId(id).setName(name).build());
    }

    @Override
    public String key(T item) {
        return idOf.apply(item);
    }

    @Override
    public String title(T item) {
        return idOf.apply(item) + "  " + nameOf.apply(item);
    }

    @Override
    public String auditTarget(T item) {
        return auditPrefix + idOf.apply(item);
    }

    @Override
    public boolean canDelete(T item) {
        return true;
    }

    @Override
    protected void fill(T item) {
        id.set(item == null ? "" : idOf.apply(item));
        name.set(item == null ? "" : nameOf.apply(item));
    }

    @Override
    protected T build() {
        return make.apply(text(id), text(name));
    }

    @Override
    protected void check(Problems p) {
        p.id(idField, id.get());
        p.required("name", name.get());
    }

    /** The field name (and label) of the id: "skill_id" or "team_id". */
    public String idField() {
        return idField;
    }

    public StringProperty idProperty() {
        return id;
    }

    public StringProperty nameProperty() {
        return name;
    }
}
