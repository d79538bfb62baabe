package org.hotline.supervisor.admin;

import java.util.LinkedHashMap;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.hotline.agent.Messages;

import static java.util.Objects.requireNonNull;

/**
 * The form of one kind of configuration (a user, a queue, a reason code ...): its fields as
 * properties, how to fill them from a stored item and build the item to send, and what is wrong
 * with them as typed. One subclass per kind is all a kind needs besides its gateway and its
 * inputs; {@link EntityEditor} does the list, the selection, saving, deleting and errors for all.
 *
 * @param <T> the stored item (a generated proto message)
 */
public abstract class EntityForm<T> {
    protected final Messages texts;
    private final ObservableMap<String, String> problems = FXCollections.observableMap(new LinkedHashMap<>());
    private final BooleanProperty valid = new SimpleBooleanProperty();
    private final BooleanProperty creating = new SimpleBooleanProperty(true);
    private final StringProperty problemText = new SimpleStringProperty("");
    private boolean filling;
    private boolean touched;

    protected EntityForm(Messages texts) {
        this.texts = requireNonNull(texts, "texts");
    }

    /** The item's natural id: what the list is kept unique by and the server updates by. */
    public abstract String key(T item);

    /** The item's line in the list. */
    public String title(T item) {
        return key(item);
    }

    /** The audit log's name of the item (e.g. "user:2001"), or "" when its changes are not looked up by one. */
    public abstract String auditTarget(T item);

    /** Puts the item's values into the fields; {@code null}: the blank fields of a new item. */
    protected abstract void fill(T item);

    /** The item the fields describe, to send; only called when the form is valid. */
    protected abstract T build();

    /** Adds what is wrong with the fields as typed. */
    protected abstract void check(Problems p);

    /** Who may change this kind: the server's rule. */
    public Access access() {
        return Access.ADMINS;
    }

    /** False for kinds that are only listed and changed (role permissions). */
    public boolean canCreate() {
        return true;
    }

    /** False for kinds the server cannot change once stored (a published bulletin). */
    public boolean canUpdate() {
        return true;
    }

    /** Whether {@code item} can be deleted (the server has a delete and the item is not a fixed one). */
    public boolean canDelete(T item) {
        return false;
    }

    /** Why an existing item cannot be changed here although the user may change this kind, or "". */
    public String lockedReason(T item) {
        return "";
    }

    /** Fills the form (a new item for {@code null}) and checks it. */
    public final void load(T item) {
        filling = true;
        touched = false;
        try {
            creating.set(item == null);
            fill(item);
        } finally {
            filling = false;
        }
        validate();
    }

    /**
     * Runs a change that is not the user's (a pick list refilled under a combo box, which clears
     * and restores its value): it does not count as typing into a new form.
     */
    final void quietly(Runnable change) {
        boolean was = filling;
        filling = true;
        try {
            change.run();
        } finally {
            filling = was;
        }
        validate();
    }

    public final T value() {
        return build();
    }

    /** The fields (and lists of rows) whose changes re-check the form as the user types. */
    protected final void watch(Observable... fields) {
        for (Observable o : fields) {
            o.addListener(x -> {
                if (!filling) {
                    touched = true;
                    validate();
                }
            });
        }
    }

    /**
     * Checks the fields now. The problems are shown at once, except on a blank new form that
     * nothing has been typed into yet (it cannot be saved either way).
     */
    public final void validate() {
        Problems p = new Problems(texts);
        check(p);
        valid.set(p.isEmpty());
        java.util.Map<String, String> shown = creating.get() && !touched ? java.util.Map.of() : p.byField();
        problems.keySet().retainAll(shown.keySet());
        problems.putAll(shown);
        problemText.set(String.join("\n", shown.values()));
    }

    /** Field name to what is wrong with it as shown; the view marks those inputs. */
    public ObservableMap<String, String> problems() {
        return FXCollections.unmodifiableObservableMap(problems);
    }

    public ReadOnlyStringProperty problemTextProperty() {
        return problemText;
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid;
    }

    /** True while the form holds a new item: its id can be typed only then. */
    public ReadOnlyBooleanProperty creatingProperty() {
        return creating;
    }

    public boolean creating() {
        return creating.get();
    }

    /** "" for an empty optional text, the stripped text otherwise. */
    protected static String text(StringProperty p) {
        return p.get() == null ? "" : p.get().strip();
    }
}
