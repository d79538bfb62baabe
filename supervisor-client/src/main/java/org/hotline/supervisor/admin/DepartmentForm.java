package org.hotline.supervisor.admin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.hotline.agent.Messages;
import org.hotline.api.v1.OrgUnit;
import org.hotline.api.v1.OrgUnitKind;

/**
 * A unit of the organisation work orders are dispatched to: a department (at the top or under a
 * department) or a team (under a department), with the lead who receives its escalations.
 */
public final class DepartmentForm extends EntityForm<OrgUnit> {
    /** The empty parent: the top of the tree. */
    public static final String TOP = "";

    private final StringProperty unitId = new SimpleStringProperty("");
    private final StringProperty parent = new SimpleStringProperty(TOP);
    private final ObjectProperty<OrgUnitKind> kind = new SimpleObjectProperty<>(OrgUnitKind.ORG_UNIT_DEPARTMENT);
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty lead = new SimpleStringProperty("");
    private final ObservableList<String> parents = FXCollections.observableArrayList();
    private final ObservableList<String> users;
    private List<OrgUnit> units = List.of();

    /** @param users the user ids a lead can be chosen from */
    public DepartmentForm(Messages texts, ObservableList<String> users) {
        super(texts);
        this.users = users;
        watch(unitId, parent, kind, name, lead);
        unitId.addListener((o, a, b) -> refreshParents());
    }

    /** The stored units (the editor's list): the parents offered and the tree checked against. */
    void units(ObservableList<OrgUnit> stored) {
        stored.addListener((ListChangeListener<OrgUnit>) c -> {
            units = List.copyOf(stored);
            refreshParents();
        });
        units = List.copyOf(stored);
        refreshParents();
    }

    private void refreshParents() {
        Set<String> below = below(text(unitId));
        List<String> ids = new ArrayList<>();
        ids.add(TOP);
        units.stream().filter(u -> u.getKind() == OrgUnitKind.ORG_UNIT_DEPARTMENT && !below.contains(u.getUnitId()))
                .forEach(u -> ids.add(u.getUnitId()));
        parents.setAll(ids);
    }

    /** The unit and every unit under it: none of them can be its parent. */
    private Set<String> below(String id) {
        Set<String> out = new HashSet<>();
        if (id.isEmpty()) {
            return out;
        }
        out.add(id);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (OrgUnit u : units) {
                if (out.contains(u.getParentUnitId()) && out.add(u.getUnitId())) {
                    grew = true;
                }
            }
        }
        return out;
    }

    @Override
    public String key(OrgUnit u) {
        return u.getUnitId();
    }

    @Override
    public String title(OrgUnit u) {
        return u.getName() + " (" + u.getUnitId() + ")";
    }

    @Override
    public String auditTarget(OrgUnit u) {
        return "org_unit:" + u.getUnitId();
    }

    @Override
    public boolean canDelete(OrgUnit u) {
        return true;
    }

    @Override
    protected void fill(OrgUnit u) {
        unitId.set(u == null ? "" : u.getUnitId());
        parent.set(u == null ? TOP : u.getParentUnitId());
        kind.set(u == null ? OrgUnitKind.ORG_UNIT_DEPARTMENT : u.getKind());
        name.set(u == null ? "" : u.getName());
        lead.set(u == null ? "" : u.getLeadAgentId());
    }

    @Override
    protected OrgUnit build() {
        return OrgUnit.newBuilder().setUnitId(text(unitId)).setParentUnitId(text(parent)).setKind(kind.get())
                .setName(text(name)).setLeadAgentId(text(lead)).build();
    }

    @Override
    protected void check(Problems p) {
        p.id("unit_id", unitId.get());
        p.required("name", name.get());
        String up = text(parent);
        if (kind.get() == OrgUnitKind.ORG_UNIT_TEAM && up.isEmpty()) {
            p.of("parent", "team_needs_department");
        } else if (!up.isEmpty() && below(text(unitId)).contains(up)) {
            p.of("parent", "loop", up);
        } else if (!up.isEmpty() && units.stream().noneMatch(u -> u.getUnitId().equals(up)
                && u.getKind() == OrgUnitKind.ORG_UNIT_DEPARTMENT)) {
            p.of("parent", "not_a_department", up);
        }
        if (!text(lead).isEmpty() && !users.isEmpty() && !users.contains(text(lead))) {
            p.of("lead", "unknown", text(lead));
        }
    }

    /**
     * The stored units as a tree: each unit with the units under it, by name; a unit whose parent
     * is not in the list shows at the top.
     */
    public static List<Node> tree(List<OrgUnit> units) {
        Set<String> ids = new HashSet<>();
        units.forEach(u -> ids.add(u.getUnitId()));
        return children(units, ids, TOP, new HashSet<>());
    }

    private static List<Node> children(List<OrgUnit> units, Set<String> ids, String parent, Set<String> seen) {
        List<Node> out = new ArrayList<>();
        units.stream().filter(u -> parent.equals(TOP) ? !ids.contains(u.getParentUnitId()) : parent.equals(u.getParentUnitId()))
                .filter(u -> seen.add(u.getUnitId()))
                .sorted(java.util.Comparator.comparing(OrgUnit::getName))
                .forEach(u -> out.add(new Node(u, children(units, ids, u.getUnitId(), seen))));
        return out;
    }

    /** A unit of the tree with the units under it. */
    public record Node(OrgUnit unit, List<Node> children) {
    }

    public StringProperty unitIdProperty() {
        return unitId;
    }

    public StringProperty parentProperty() {
        return parent;
    }

    public ObjectProperty<OrgUnitKind> kindProperty() {
        return kind;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty leadProperty() {
        return lead;
    }

    /** The parents this unit can have: the top and the departments not under it. */
    public ObservableList<String> parents() {
        return parents;
    }

    public ObservableList<String> users() {
        return users;
    }
}
