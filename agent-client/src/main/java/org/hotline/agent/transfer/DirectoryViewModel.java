package org.hotline.agent.transfer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hotline.agent.ErrorTexts;
import org.hotline.agent.Messages;
import org.hotline.api.v1.AgentState;
import org.hotline.api.v1.DirectoryAgent;
import org.hotline.api.v1.DirectoryQueue;
import org.hotline.api.v1.ListDirectoryResponse;

import static java.util.Objects.requireNonNull;

/**
 * The transfer / consultation picker: logged-in agents (Ready ones first and marked, the desk's
 * own agent left out) and queues with their waiting callers, filtered as the agent types; the
 * result is an agent id, {@code queue:<id>} or a typed number, as the AgentDesk commands take.
 */
public final class DirectoryViewModel {
    private final DirectoryGateway gateway;
    private final Messages messages;
    private final ErrorTexts errors;
    private final String self;

    private final List<Entry> all = new ArrayList<>();
    private final ObservableList<Entry> shown = FXCollections.observableArrayList();
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<Entry> selected = new SimpleObjectProperty<>();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");

    /** What an entry is. */
    public enum Kind { AGENT, QUEUE }

    /**
     * One line of the picker. {@code ready} marks an agent who can take the call now.
     * {@code destination} is what the command is given.
     */
    public record Entry(Kind kind, String destination, String title, String detail, boolean ready) {
    }

    public DirectoryViewModel(DirectoryGateway gateway, Messages messages, String selfAgentId) {
        this.gateway = requireNonNull(gateway, "gateway");
        this.messages = requireNonNull(messages, "messages");
        this.errors = new ErrorTexts(messages);
        this.self = requireNonNull(selfAgentId, "selfAgentId");
        filter.addListener((o, a, b) -> applyFilter());
    }

    /** Reads the directory from the server (each time the picker opens: states change by the second). */
    public void load() {
        status.set(messages.get("transfer.loading"));
        gateway.directory().whenComplete((r, e) -> {
            if (e != null) {
                status.set("");
                error.set(errors.of(e));
                return;
            }
            error.set("");
            status.set("");
            take(r);
        });
    }

    private void take(ListDirectoryResponse r) {
        all.clear();
        r.getAgentsList().stream().filter(a -> !a.getAgentId().equals(self))
                .sorted(Comparator.comparing((DirectoryAgent a) -> a.getState() != AgentState.AGENT_STATE_READY)
                        .thenComparing(DirectoryAgent::getAgentId))
                .map(this::agent).forEach(all::add);
        r.getQueuesList().stream().sorted(Comparator.comparing(DirectoryQueue::getQueueId)).map(this::queue).forEach(all::add);
        // Ready agents, then queues, then the busy agents: the likely choices come first.
        List<Entry> ordered = new ArrayList<>();
        all.stream().filter(Entry::ready).forEach(ordered::add);
        all.stream().filter(e -> e.kind() == Kind.QUEUE).forEach(ordered::add);
        all.stream().filter(e -> e.kind() == Kind.AGENT && !e.ready()).forEach(ordered::add);
        all.clear();
        all.addAll(ordered);
        applyFilter();
    }

    private Entry agent(DirectoryAgent a) {
        String state = messages.get("state." + a.getState().name().substring("AGENT_STATE_".length()).toLowerCase(Locale.ROOT));
        String detail = messages.get("transfer.agent_detail", a.getAgentId(), a.getExtension(),
                a.getTeam().isEmpty() ? "–" : a.getTeam(), state);
        return new Entry(Kind.AGENT, a.getAgentId(), a.getName().isEmpty() ? a.getAgentId() : a.getName(), detail,
                a.getState() == AgentState.AGENT_STATE_READY);
    }

    private Entry queue(DirectoryQueue q) {
        return new Entry(Kind.QUEUE, "queue:" + q.getQueueId(), q.getName().isEmpty() ? q.getQueueId() : q.getName(),
                messages.get("transfer.queue_detail", q.getQueueId(), q.getWaiting()), false);
    }

    private void applyFilter() {
        String f = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        List<Entry> keep = all.stream().filter(e -> f.isEmpty() || matches(e, f)).toList();
        Entry was = selected.get();
        shown.setAll(keep);
        selected.set(keep.contains(was) ? was : keep.isEmpty() ? null : keep.get(0));
    }

    private static boolean matches(Entry e, String f) {
        return e.title().toLowerCase(Locale.ROOT).contains(f) || e.detail().toLowerCase(Locale.ROOT).contains(f)
                || e.destination().toLowerCase(Locale.ROOT).contains(f);
    }

    /**
     * The destination to use, or null with the reason in {@link #errorProperty()}: the selected
     * entry; when nothing in the directory matches the typed text, the text itself as a number.
     */
    public String result() {
        if (shown.isEmpty()) {
            String typed = filter.get() == null ? "" : filter.get().replaceAll("[\\s\\-()]", "");
            if (typed.matches("\\+?[0-9*#]{2,32}")) {
                return typed;
            }
            error.set(messages.get("transfer.no_match", filter.get() == null ? "" : filter.get().strip()));
            return null;
        }
        Entry e = selected.get();
        if (e == null) {
            error.set(messages.get("error.destination"));
            return null;
        }
        return e.destination();
    }

    /** The typed text as a number even though something in the directory matches it too (e.g. an extension). */
    public String typedNumber() {
        String typed = filter.get() == null ? "" : filter.get().replaceAll("[\\s\\-()]", "");
        if (typed.matches("\\+?[0-9*#]{2,32}")) {
            return typed;
        }
        error.set(messages.get("error.number", filter.get() == null ? "" : filter.get()));
        return null;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObservableList<Entry> entries() {
        return FXCollections.unmodifiableObservableList(shown);
    }

    public ObjectProperty<Entry> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }
}
