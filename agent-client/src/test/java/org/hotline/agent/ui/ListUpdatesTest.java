package org.hotline.agent.ui;

import java.util.ArrayList;
import java.util.List;

import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ListUpdatesTest {
    private final ObservableList<String> list = FXCollections.observableArrayList();
    private final List<String> changes = new ArrayList<>();

    ListUpdatesTest() {
        list.addListener((ListChangeListener<String>) c -> {
            while (c.next()) {
                changes.add(c.wasReplaced() ? "replace " + c.getFrom() + ".." + c.getTo()
                        : c.wasAdded() ? "add " + c.getFrom() + ".." + c.getTo()
                        : "remove " + c.getFrom() + " x" + c.getRemovedSize());
            }
        });
    }

    @Test
    void equalContentsChangeNothingAndKeepTheOldObjects() {
        String first = new String("a");
        list.setAll(first, "b");
        changes.clear();

        boolean changed = ListUpdates.replace(list, List.of(new String("a"), "b"));

        assertThat(changed).isFalse();
        assertThat(changes).isEmpty();
        assertThat(list.get(0)).isSameAs(first);
    }

    @Test
    void aNewFirstItemIsOneInsertAndTheOthersStay() {
        String kept = new String("c1");
        list.setAll(kept, "c0");
        changes.clear();

        ListUpdates.replace(list, List.of("c2", "c1", "c0"));

        assertThat(list).containsExactly("c2", "c1", "c0");
        assertThat(changes).containsExactly("add 0..1");
        assertThat(list.get(1)).isSameAs(kept);
    }

    @Test
    void oneChangedItemIsReplacedAloneAndTheRowCountStays() {
        list.setAll("a", "b", "c");
        changes.clear();

        ListUpdates.replace(list, List.of("a", "B", "c"));

        assertThat(list).containsExactly("a", "B", "c");
        assertThat(changes).containsExactly("replace 1..2");
    }

    @Test
    void aShorterListDropsOnlyItsTail() {
        list.setAll("a", "b", "c", "d");
        changes.clear();

        ListUpdates.replace(list, List.of("a", "b"));

        assertThat(list).containsExactly("a", "b");
        assertThat(changes).containsExactly("remove 2 x2");
    }

    @Test
    void wholeNewContentsAreOneChange() {
        list.setAll("a", "b");
        changes.clear();

        ListUpdates.replace(list, List.of("x", "y", "z"));

        assertThat(list).containsExactly("x", "y", "z");
        assertThat(changes).hasSize(1);
    }
}
