package org.hotline.cti.switching.sim;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import org.hotline.cti.core.EventLoop;
import org.hotline.cti.switching.CallId;
import org.hotline.cti.switching.ConnectionId;
import org.hotline.cti.switching.Devices;
import org.hotline.cti.switching.SwitchEvent;
import org.hotline.cti.switching.SwitchListener;

/**
 * The smallest stand-in for the core above the port: a first-come-first-served queue that routes
 * each waiting call, no sooner than {@code routingDelay} after it was offered, to an idle agent
 * who answers at once and is idle again when the call leaves it.
 */
final class FifoAgents implements SwitchListener {
    private final SimSwitch sim;
    private final EventLoop loop;
    private final Duration routingDelay;
    private final Deque<String> idle = new ArrayDeque<>();
    private final Deque<CallId> waiting = new ArrayDeque<>();
    private final Map<String, CallId> busy = new HashMap<>();

    FifoAgents(SimSwitch sim, EventLoop loop, int agents, Duration routingDelay) {
        this.sim = sim;
        this.loop = loop;
        this.routingDelay = routingDelay;
        for (int i = 0; i < agents; i++) {
            idle.add(Integer.toString(100_000 + i));
        }
    }

    @Override
    public void onEvent(SwitchEvent event) {
        // As the core does: switch events are messages to the loop, handled after the switch's task.
        loop.execute(() -> handle(event));
    }

    private void handle(SwitchEvent event) {
        if (event instanceof SwitchEvent.RouteRequested r) {
            loop.schedule(routingDelay, () -> {
                waiting.add(r.call());
                dispatch();
            });
        } else if (event instanceof SwitchEvent.Delivered d && !Devices.isExternal(d.alertingDevice())) {
            sim.answerCall(new ConnectionId(d.call(), d.alertingDevice()));
        } else if (event instanceof SwitchEvent.ConnectionCleared c && busy.remove(c.releasingDevice()) != null) {
            idle.add(c.releasingDevice());
            dispatch();
        } else if (event instanceof SwitchEvent.CallCleared c) {
            waiting.remove(c.call());
        }
    }

    private void dispatch() {
        while (!idle.isEmpty() && !waiting.isEmpty()) {
            String agent = idle.poll();
            CallId call = waiting.poll();
            busy.put(agent, call);
            sim.routeSelect(call, agent).whenComplete((ok, failure) -> {
                if (failure != null) {
                    // The caller hung up just before: the agent is free again.
                    busy.remove(agent);
                    idle.add(agent);
                    dispatch();
                }
            });
        }
    }

    int idleAgents() {
        return idle.size();
    }
}
