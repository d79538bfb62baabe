package org.hotline.cti.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.hotline.cti.agents.Agent;
import org.hotline.cti.agents.AgentProfile;
import org.hotline.cti.agents.AgentState;
import org.hotline.cti.agents.AgentStateChange;
import org.hotline.cti.agents.AgentView;
import org.hotline.cti.agents.ReasonCode;
import org.hotline.cti.calls.CallView;
import org.hotline.cti.calls.CdrWriter;
import org.hotline.cti.calls.LiveCall;
import org.hotline.cti.ops.LatencyRecorder;
import org.hotline.cti.routing.LongestIdleStrategy;
import org.hotline.cti.routing.QueueDefinition;
import org.hotline.cti.routing.ReadyAgent;
import org.hotline.cti.routing.Router;
import org.hotline.cti.routing.RoutingWarmUp;
import org.hotline.cti.switching.Switch;
import org.hotline.cti.switching.SwitchEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The CTI server's live model of calls, agents and queues, and its ACD, behind one event loop.
 * Switch events, desk commands and timers are all tasks on that loop; callers get
 * {@link CompletionStage}s and listeners get changes as they happen.
 */
public final class CallCenter {
    private static final Logger log = LoggerFactory.getLogger(CallCenter.class);

    private final EventLoop loop;
    private final Switch sw;
    private final List<ModelListener> listeners = new CopyOnWriteArrayList<>();
    private final LiveModel model;
    private final SwitchEvents switchEvents;
    private final Commands commands;
    private final LatencyRecorder routeDecisions;
    private final Router router;

    public CallCenter(EventLoop loop, Switch sw, CdrWriter cdr, CallCenterConfig config, LatencyRecorder routeDecisions) {
        this.loop = requireNonNull(loop, "loop");
        this.sw = requireNonNull(sw, "sw");
        this.routeDecisions = requireNonNull(routeDecisions, "routeDecisions");
        this.router = new Router(new LongestIdleStrategy(), loop.clock(), routeDecisions);
        this.model = new LiveModel(loop, sw, requireNonNull(cdr, "cdr"), requireNonNull(config, "config"), router,
                listeners);
        this.switchEvents = new SwitchEvents(model);
        this.commands = new Commands(model);
    }

    /** Listeners are called on the event loop; add them before {@link #start}. */
    public void addListener(ModelListener l) {
        listeners.add(requireNonNull(l, "l"));
    }

    /** Screens callers before they are queued (the blacklist); set it before {@link #start}. */
    public void screenWith(CallScreen screen) {
        model.screen = requireNonNull(screen, "screen");
    }

    public LatencyRecorder routeDecisions() {
        return routeDecisions;
    }

    /** The routing decisions in the event loop's CPU time (wall-clock time minus the time it was preempted). */
    public LatencyRecorder routeDecisionsCpu() {
        return router.decisionsCpu();
    }

    public EventLoop loop() {
        return loop;
    }

    /**
     * Loads the configuration, restores agents that were logged in before a restart
     * ({@code restore}: agent id -> extension; their last logged state from {@code lastStates}),
     * connects the switch and starts the once-a-second tick.
     */
    public CompletionStage<Void> start(Collection<AgentProfile> profiles, Collection<QueueDefinition> queues,
                                       Collection<ReasonCode> reasons, Map<String, String> restore,
                                       Map<String, AgentStateChange> lastStates) {
        CompletableFuture<Void> started = new CompletableFuture<>();
        RoutingWarmUp.inBackground(loop.clock());
        loop.execute(() -> {
            try {
                for (QueueDefinition q : queues) {
                    model.router.defineQueue(q);
                }
                if (!model.router.queues().containsKey(model.config.defaultQueueId())) {
                    throw new IllegalArgumentException("default queue: " + model.config.defaultQueueId()
                            + " (expected one of " + model.router.queues().keySet() + ")");
                }
                for (ReasonCode r : reasons) {
                    model.reasons.put(r.code(), r);
                }
                for (AgentProfile p : profiles) {
                    model.agents.put(p.agentId(), new Agent(p, model.now()));
                }
                restore.forEach((agentId, ext) -> restoreAgent(agentId, ext, lastStates.get(agentId)));
                sw.start(e -> loop.execute(() -> switchEvents.apply(e)));
                scheduleTick();
                log.info("call center started: {} agents, {} queues, switch {}", profiles.size(), queues.size(),
                        sw.name());
                started.complete(null);
            } catch (RuntimeException e) {
                started.completeExceptionally(e);
            }
        });
        return started;
    }

    /** Feeds one switch event (used by tests and adapters that hand events over directly). */
    public void onSwitchEvent(SwitchEvent e) {
        loop.execute(() -> switchEvents.apply(e));
    }

    private void restoreAgent(String agentId, String extension, AgentStateChange last) {
        Agent a = model.agents.get(agentId);
        if (a == null) {
            return;
        }
        try {
            commands.login(a, extension);
        } catch (CommandException e) {
            log.warn("agent {} not restored: {}", agentId, e.getMessage());
            return;
        }
        AgentState was = last == null ? AgentState.NOT_READY : last.to();
        switch (was) {
            case READY -> model.setState(a, AgentState.READY, "");
            case NOT_READY -> model.setState(a, AgentState.NOT_READY, last.reasonCode());
            // It was in a call when the server stopped: wrap-up time, then Ready as usual.
            case RESERVED, ON_CALL, HELD, AFTER_CALL_WORK -> model.setState(a, AgentState.AFTER_CALL_WORK, "");
            default -> { }
        }
    }

    private void scheduleTick() {
        loop.schedule(Duration.ofSeconds(1), () -> {
            model.origin = model.now();
            model.rollDayIfNeeded();
            model.countQueueAgents();
            for (String q : model.router.queues().keySet()) {
                model.publishQueue(q);
            }
            for (ModelListener l : listeners) {
                l.tick(model.now());
            }
            scheduleTick();
        });
    }

    /** Logs an agent in at {@code extension} (empty: its configured one) as NotReady("login"). */
    public CompletionStage<Void> login(String agentId, String extension) {
        return onLoop(() -> {
            commands.login(agent(agentId), extension);
            return null;
        });
    }

    /** Logs out; with {@code force} an agent on a call is logged out when the call work ends. */
    public CompletionStage<Void> logout(String agentId, boolean force) {
        return onLoop(() -> {
            commands.logout(agent(agentId), force);
            return null;
        });
    }

    /**
     * Adds or updates an agent's profile (administration, login). A Ready agent is offered calls
     * by its new skills from the next routing decision; supervisors see the change at once.
     */
    public CompletionStage<Void> upsertAgent(AgentProfile p) {
        return onLoop(() -> {
            Agent a = model.agents.get(p.agentId());
            if (a == null) {
                model.agents.put(p.agentId(), new Agent(p, model.now()));
                return null;
            }
            boolean changed = !a.profile().equals(p);
            a.updateProfile(p);
            if (changed) {
                model.origin = model.now();
                if (a.state() == AgentState.READY) {
                    model.router.agentReady(new ReadyAgent(a.id(), a.idleSince(), p.skills()));
                    model.requestRoute();
                }
                model.publishAgent(a);
            }
            return null;
        });
    }

    /**
     * Adds or replaces a queue (administration): calls arriving from now on use the new
     * definition, agents already Ready are matched against its skills, and calls already waiting
     * are routed again (they keep the priority they entered with).
     */
    public CompletionStage<Void> defineQueue(QueueDefinition q) {
        requireNonNull(q, "q");
        return onLoop(() -> {
            model.origin = model.now();
            model.router.defineQueue(q);
            model.requestRoute();
            model.publishQueue(q.queueId());
            return null;
        });
    }

    /** Adds or replaces a reason code agents may give for NotReady (administration). */
    public CompletionStage<Void> defineReasonCode(ReasonCode r) {
        requireNonNull(r, "r");
        return onLoop(() -> {
            model.reasons.put(r.code(), r);
            return null;
        });
    }

    /** Withdraws a reason code: agents already NotReady with it stay so until they change state. */
    public CompletionStage<Void> removeReasonCode(String code) {
        requireNonNull(code, "code");
        return onLoop(() -> {
            model.reasons.remove(code);
            return null;
        });
    }

    /** Executes a desk command; completes with the call id acted on or created (may be empty). */
    public CompletionStage<String> execute(AgentCommand command) {
        requireNonNull(command, "command");
        CompletableFuture<String> result = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                commands.execute(command).whenComplete((v, e) -> {
                    if (e != null) {
                        result.completeExceptionally(e instanceof java.util.concurrent.CompletionException
                                && e.getCause() != null ? e.getCause() : e);
                    } else {
                        result.complete(v);
                    }
                });
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Runs {@code f} on the event loop with read access to the model (snapshots, subscriptions). */
    public <T> CompletionStage<T> read(Function<ModelReader, T> f) {
        return onLoop(() -> f.apply(reader));
    }

    private Agent agent(String agentId) {
        Agent a = model.agents.get(agentId);
        if (a == null) {
            throw CommandException.notFound("agent: " + agentId + " (no such agent)");
        }
        return a;
    }

    private <T> CompletionStage<T> onLoop(java.util.function.Supplier<T> f) {
        CompletableFuture<T> out = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                out.complete(f.get());
            } catch (RuntimeException e) {
                out.completeExceptionally(e);
            }
        });
        return out;
    }

    private final ModelReader reader = new ModelReader() {
        @Override
        public AgentView agent(String agentId) {
            Agent a = model.agents.get(agentId);
            return a == null ? null : model.viewOf(a);
        }

        @Override
        public List<AgentView> agents() {
            List<AgentView> out = new ArrayList<>(model.agents.size());
            for (Agent a : model.agents.values()) {
                out.add(model.viewOf(a));
            }
            return out;
        }

        @Override
        public List<CallView> callsOf(String agentId) {
            Agent a = model.agents.get(agentId);
            List<CallView> out = new ArrayList<>();
            if (a != null) {
                for (String id : a.calls()) {
                    LiveCall c = model.calls.get(id);
                    if (c != null) {
                        out.add(c.view());
                    }
                }
            }
            return out;
        }

        @Override
        public CallView call(String callId) {
            LiveCall c = model.calls.get(callId);
            return c == null ? null : c.view();
        }

        @Override
        public List<QueueView> queues() {
            List<QueueView> out = new ArrayList<>();
            for (String q : model.router.queues().keySet()) {
                out.add(model.queueView(q));
            }
            return out;
        }

        @Override
        public List<ReasonCode> reasonCodes() {
            return List.copyOf(model.reasons.values());
        }

        @Override
        public int callCount() {
            return model.calls.size();
        }

        @Override
        public boolean switchLinkUp() {
            return switchEvents.linkUp();
        }
    };
}
