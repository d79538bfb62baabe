package org.hotline.agent.desk;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.hotline.agent.connection.DeskListener;
import org.hotline.agent.connection.LinkState;
import org.hotline.api.v1.DeskEvent;

/** Hands each desk event to every panel that wants it (softphone, pop, bulletins ...), on the FX thread. */
public final class DeskEventRouter implements DeskListener {
    private final List<Consumer<DeskEvent>> events = new CopyOnWriteArrayList<>();
    private final LinkViewModel link;

    public DeskEventRouter(LinkViewModel link) {
        this.link = link;
    }

    public void add(Consumer<DeskEvent> panel) {
        events.add(panel);
    }

    @Override
    public void onEvent(DeskEvent event) {
        events.forEach(p -> p.accept(event));
    }

    @Override
    public void onLink(LinkState state, String detail) {
        link.onLink(state, detail);
    }
}
