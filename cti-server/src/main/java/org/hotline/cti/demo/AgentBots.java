package org.hotline.cti.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.hotline.cti.agents.AgentState;
import org.hotline.cti.agents.AgentView;
import org.hotline.cti.calls.CallView;
import org.hotline.cti.core.AgentCommand;
import org.hotline.cti.core.CallCenter;
import org.hotline.cti.core.EventLoop;
import org.hotline.cti.core.ModelListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulated agents: they log in, go Ready, answer what rings, talk, wrap up and take breaks,
 * through the same commands a desk sends. They listen to the live model on the event loop and
 * schedule their actions on it, so a virtual-time test runs them a day in a second.
 */
public final class AgentBots implements ModelListener {
    private static final Logger log = LoggerFactory.getLogger(AgentBots.class);

    private final CallCenter center;
    private final EventLoop loop;
    private final BotBehaviour behaviour;
    private final Random random;
    private final Set<String> bots = new HashSet<>();
    private final Set<String> talking = new HashSet<>();
    private final Map<String, EventLoop.Timer> hangups = new HashMap<>();

    public AgentBots(CallCenter center, BotBehaviour behaviour, long seed) {
        this.center = center;
        this.loop = center.loop();
        this.behaviour = behaviour;
        this.random = new Random(seed);
    }

    /** Logs the bots in and makes them Ready. Call after the call center started. */
    public void start(Iterable<String> agentIds) {
        for (String id : agentIds) {
            bots.add(id);
            center.login(id, "").thenCompose(v -> center.execute(new AgentCommand.SetState(id, AgentState.READY, "")))
                    .whenComplete((v, e) -> {
                        if (e != null) {
                            log.warn("bot {} could not start: {}", id, e.getMessage());
                        }
                    });
        }
    }

    public int size() {
        return bots.size();
    }

    @Override
    public void callChanged(String agentId, CallChange change, CallView call, String cause, Instant origin) {
        if (!bots.contains(agentId)) {
            return;
        }
        String key = agentId + "|" + call.callId();
        switch (change) {
            case RINGING -> loop.schedule(behaviour.answerDelay(),
                    () -> send(new AgentCommand.Answer(agentId, call.callId())));
            case CONNECTED, TRANSFERRED -> {
                if (talking.add(key)) {
                    hangups.put(key, loop.schedule(exponential(behaviour.meanTalk()), () -> {
                        hangups.remove(key);
                        send(new AgentCommand.Hangup(agentId, call.callId()));
                    }));
                }
            }
            case ENDED -> {
                talking.remove(key);
                EventLoop.Timer t = hangups.remove(key);
                if (t != null) {
                    t.cancel();
                }
            }
            default -> { }
        }
    }

    @Override
    public void agentChanged(AgentView agent, Instant origin) {
        String id = agent.agentId();
        if (!bots.contains(id)) {
            return;
        }
        if (agent.state() == AgentState.AFTER_CALL_WORK) {
            loop.schedule(behaviour.wrapUp(), () -> {
                if (random.nextDouble() < behaviour.breakChance()) {
                    send(new AgentCommand.SetState(id, AgentState.NOT_READY, "break"));
                    loop.schedule(behaviour.breakLength(), () -> send(new AgentCommand.SetState(id, AgentState.READY, "")));
                } else {
                    send(new AgentCommand.SetState(id, AgentState.READY, ""));
                }
            });
        } else if (agent.state() == AgentState.NOT_READY && "missed".equals(agent.reason())) {
            // A bot that missed a call (e.g. answered too slowly) gets back to work.
            loop.schedule(Duration.ofSeconds(5), () -> send(new AgentCommand.SetState(id, AgentState.READY, "")));
        }
    }

    private Duration exponential(Duration mean) {
        double u = 1.0 - random.nextDouble();
        return Duration.ofNanos((long) (-Math.log(u) * mean.toNanos()));
    }

    private void send(AgentCommand c) {
        // Races are normal here (the caller hung up first, the state moved on): the bot just carries on.
        center.execute(c).whenComplete((v, e) -> {
            if (e != null) {
                log.debug("bot {}: {} refused: {}", c.agentId(), c.getClass().getSimpleName(), e.getMessage());
            }
        });
    }
}
