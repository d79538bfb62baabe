package org.hotline.agent.ui;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CoalescedListTest {
    private final Queue<Runnable> later = new ArrayDeque<>();
    private final ObservableList<String> source = FXCollections.observableArrayList("old caller's contact");
    private final CoalescedList<String> copy = new CoalescedList<>(source, later::add);
    private final List<String> seen = new ArrayList<>();

    CoalescedListTest() {
        copy.items().addListener((ListChangeListener<String>) c -> seen.add(List.copyOf(c.getList()).toString()));
    }

    @Test
    void startsWithTheSourceAsItIs() {
        assertThat(copy.items()).containsExactly("old caller's contact");
    }

    @Test
    void aBurstOfChangesReachesTheViewOnceWithItsFinalState() {
        source.clear();
        source.setAll("c1", "c2");
        source.add("c3");

        assertThat(copy.items()).as("nothing before the burst is over").containsExactly("old caller's contact");
        assertThat(later).as("one follow-up for the whole burst").hasSize(1);
        later.poll().run();

        assertThat(copy.items()).containsExactly("c1", "c2", "c3");
        assertThat(seen).containsExactly("[c1, c2, c3]");
    }

    @Test
    void aBurstThatEndsWhereItStartedChangesNothingOnScreen() {
        source.clear();
        source.add("old caller's contact");
        later.poll().run();

        assertThat(seen).isEmpty();
    }

    @Test
    void theNextBurstIsFollowedAgain() {
        source.setAll("a");
        later.poll().run();
        source.setAll("a", "b");

        assertThat(later).hasSize(1);
        later.poll().run();
        assertThat(copy.items()).containsExactly("a", "b");
    }
}
