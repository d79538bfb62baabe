package org.hotline.agent.ui;

import java.util.List;
import java.util.Objects;

import javafx.collections.ObservableList;

/**
 * Brings an observable list to new contents with as few changes as it takes: nothing when the
 * contents are equal, an insert or a removal when only that differs (a new call on top of the
 * history), and items equal to the old ones stay the same objects. A table bound to the list then
 * re-renders only what changed: a changed row count makes its VirtualFlow detach and re-add every
 * row (CSS and layout of each cell again), and a replaced item re-updates every visible row.
 */
public final class ListUpdates {
    private ListUpdates() {
    }

    /** Makes {@code target} equal to {@code fresh}; returns whether anything changed. */
    public static <T> boolean replace(ObservableList<T> target, List<? extends T> fresh) {
        int n = target.size();
        int m = fresh.size();
        int prefix = 0;
        while (prefix < n && prefix < m && Objects.equals(target.get(prefix), fresh.get(prefix))) {
            prefix++;
        }
        if (prefix == n && prefix == m) {
            return false;
        }
        int suffix = 0;
        while (suffix < n - prefix && suffix < m - prefix
                && Objects.equals(target.get(n - 1 - suffix), fresh.get(m - 1 - suffix))) {
            suffix++;
        }
        int oldEnd = n - suffix;
        int newEnd = m - suffix;
        if (prefix == 0 && suffix == 0) {
            target.setAll(fresh); // nothing in common at either end: one change rather than one per item
            return true;
        }
        int common = Math.min(oldEnd, newEnd) - prefix;
        for (int i = prefix; i < prefix + common; i++) {
            if (!Objects.equals(target.get(i), fresh.get(i))) {
                target.set(i, fresh.get(i));
            }
        }
        if (newEnd > oldEnd) {
            target.addAll(prefix + common, fresh.subList(prefix + common, newEnd));
        } else if (oldEnd > newEnd) {
            target.remove(prefix + common, oldEnd);
        }
        return true;
    }
}
