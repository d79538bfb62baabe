package org.hotline.agent.ui;

import java.util.function.Consumer;

import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * What a view shows of a view model's list: a copy that follows the list once per burst of
 * changes, not once per change. A call that rings and pops in one burst of events clears the
 * pop's lists and fills them again; a table bound straight to them would lay out and restyle all
 * its rows twice (its VirtualFlow does so at once whenever the row count changes). The copy takes
 * the list's final state in one go, after the burst ({@code later}: {@code Platform::runLater} on
 * the desk), and changes only what differs ({@link ListUpdates}).
 */
public final class CoalescedList<T> {
    private final ObservableList<T> source;
    private final ObservableList<T> shown = FXCollections.observableArrayList();
    // Kept as fields: the source holds its listener strongly, and the view holds these.
    private final ObservableList<T> shownView = FXCollections.unmodifiableObservableList(shown);
    private final Consumer<Runnable> later;
    private boolean pending;

    public CoalescedList(ObservableList<T> source, Consumer<Runnable> later) {
        this.source = source;
        this.later = later;
        shown.setAll(source);
        source.addListener((ListChangeListener<T>) c -> {
            if (!pending) {
                pending = true;
                later.accept(this::follow);
            }
        });
    }

    private void follow() {
        pending = false;
        ListUpdates.replace(shown, source);
    }

    /** The copy, for the view's table or pane. */
    public ObservableList<T> items() {
        return shownView;
    }
}
