package org.hotline.supervisor.admin;

import java.util.Comparator;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hotline.agent.ErrorTexts;
import org.hotline.agent.Messages;
import org.hotline.api.v1.Role;

import static java.util.Objects.requireNonNull;

/**
 * A list of one kind of configuration and the form of the selected (or a new) item: loads the
 * list, fills the form on selection, saves (create or update) and deletes through the gateway,
 * and shows the server's refusal as text in the form. A user whose role may not change the kind
 * sees everything read-only with the reason.
 *
 * @param <T> the stored item
 * @param <F> its form
 */
public final class EntityEditor<T, F extends EntityForm<T>> {
    private final EntityGateway<T> gateway;
    private final F form;
    private final Messages texts;
    private final ErrorTexts errors;
    private final boolean mayChange;
    private final ObservableList<T> items = FXCollections.observableArrayList();
    private final ObjectProperty<T> selected = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty loaded = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private final StringProperty locked = new SimpleStringProperty("");
    private final BooleanProperty deletable = new SimpleBooleanProperty();
    private final BooleanBinding editable;
    private final BooleanBinding canSave;
    private final String readOnlyReason;

    /**
     * @param desk the desk's texts, for the server's errors ({@link ErrorTexts})
     * @param texts the supervisor's texts
     */
    public EntityEditor(EntityGateway<T> gateway, F form, Role role, Messages desk, Messages texts) {
        this.gateway = requireNonNull(gateway, "gateway");
        this.form = requireNonNull(form, "form");
        this.texts = requireNonNull(texts, "texts");
        this.errors = new ErrorTexts(desk);
        this.mayChange = form.access().mayChange(requireNonNull(role, "role"));
        this.readOnlyReason = mayChange ? "" : texts.get("admin.read_only." + form.access().name().toLowerCase(java.util.Locale.ROOT));
        selected.addListener((o, was, item) -> {
            error.set("");
            form.load(item);
            locked.set(item == null || !mayChange ? "" : form.canUpdate() ? form.lockedReason(item) : texts.get("admin.no_update"));
            refreshDeletable();
        });
        busy.addListener((o, a, b) -> refreshDeletable());
        ObservableBooleanValue creating = form.creatingProperty();
        editable = Bindings.createBooleanBinding(() -> mayChange && locked.get().isEmpty()
                && (creating.get() ? form.canCreate() : selected.get() != null && form.canUpdate()), creating, selected, locked);
        canSave = editable.and(form.validProperty()).and(busy.not());
        form.load(null);
    }

    /** Loads the list (again); the selection stays on the item with the same id. */
    public void refresh() {
        busy.set(true);
        gateway.list().whenComplete((list, t) -> {
            busy.set(false);
            if (t != null) {
                error.set(texts.get("admin.load_failed", errors.of(t)));
                return;
            }
            T was = selected.get();
            items.setAll(list);
            loaded.set(true);
            if (was != null) {
                selected.set(find(form.key(was)));
            }
        });
    }

    /** The stored item with this id, or null. */
    public T find(String key) {
        return items.stream().filter(i -> form.key(i).equals(key)).findFirst().orElse(null);
    }

    /** Shows {@code item} in the form; {@code null} starts a new item. */
    public void select(T item) {
        if (item == selected.get()) {
            return;
        }
        selected.set(item);
    }

    /** A blank form for a new item. */
    public void startNew() {
        notice.set("");
        if (selected.get() == null) {
            error.set("");
            form.load(null);
        } else {
            selected.set(null);
        }
    }

    /** Sends the form: a create for a new item, an update otherwise; does nothing while it cannot be saved. */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        boolean create = form.creating();
        T value = form.value();
        busy.set(true);
        error.set("");
        notice.set("");
        gateway.save(value, create).whenComplete((saved, t) -> {
            busy.set(false);
            if (t != null) {
                error.set(texts.get("admin.save_failed", errors.of(t)));
                return;
            }
            T old = find(form.key(saved));
            if (old == null && !create) {
                old = selected.get();
            }
            if (old != null) {
                items.set(items.indexOf(old), saved);
            } else {
                items.add(saved);
                FXCollections.sort(items, Comparator.comparing(form::key));
            }
            selected.set(saved);
            notice.set(texts.get(create ? "admin.created" : "admin.saved", form.title(saved)));
        });
    }

    public void delete() {
        T item = selected.get();
        if (item == null || !deletable.get()) {
            return;
        }
        busy.set(true);
        error.set("");
        notice.set("");
        gateway.delete(item).whenComplete((ok, t) -> {
            busy.set(false);
            if (t != null) {
                error.set(texts.get("admin.delete_failed", errors.of(t)));
                return;
            }
            items.remove(item);
            selected.set(null);
            notice.set(texts.get("admin.deleted", form.title(item)));
        });
    }

    private void refreshDeletable() {
        T item = selected.get();
        deletable.set(mayChange && item != null && !busy.get() && form.canDelete(item));
    }

    public F form() {
        return form;
    }

    public ObservableList<T> items() {
        return items;
    }

    /** The stored items' ids, kept up to date (the choices of other forms: skills, teams, calendars ...). */
    public ObservableList<String> keys() {
        ObservableList<String> keys = FXCollections.observableArrayList();
        items.addListener((javafx.collections.ListChangeListener<T>) c -> keys.setAll(ids()));
        keys.setAll(ids());
        return keys;
    }

    private List<String> ids() {
        return items.stream().map(form::key).toList();
    }

    public ReadOnlyObjectProperty<T> selectedProperty() {
        return selected;
    }

    /** The audit name of the selected item, or "". */
    public String auditTarget() {
        return selected.get() == null ? "" : form.auditTarget(selected.get());
    }

    public boolean mayChange() {
        return mayChange;
    }

    /** Why nothing here can be changed by this user, or "". */
    public String readOnlyReason() {
        return readOnlyReason;
    }

    /** Why the selected item cannot be changed (e.g. a published bulletin), or "". */
    public ReadOnlyStringProperty lockedProperty() {
        return locked;
    }

    /** Whether the form's inputs take changes. */
    public BooleanBinding editableProperty() {
        return editable;
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    public ReadOnlyBooleanProperty canDeleteProperty() {
        return deletable;
    }

    public boolean canCreate() {
        return mayChange && form.canCreate();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** True once the list has come from the server. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice;
    }
}
