package org.hotline.cti.core;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

import org.hotline.cti.agents.Agent;
import org.hotline.cti.agents.AgentState;
import org.hotline.cti.agents.AgentStateMachine;
import org.hotline.cti.agents.ReasonCode;
import org.hotline.cti.calls.ConnectionState;
import org.hotline.cti.calls.LiveCall;
import org.hotline.cti.core.AgentCommand.Answer;
import org.hotline.cti.core.AgentCommand.AttachData;
import org.hotline.cti.core.AgentCommand.BlindTransfer;
import org.hotline.cti.core.AgentCommand.CompleteTransfer;
import org.hotline.cti.core.AgentCommand.Conference;
import org.hotline.cti.core.AgentCommand.Consult;
import org.hotline.cti.core.AgentCommand.Dial;
import org.hotline.cti.core.AgentCommand.ForceLogout;
import org.hotline.cti.core.AgentCommand.ForceState;
import org.hotline.cti.core.AgentCommand.SendMessage;
import org.hotline.cti.core.AgentCommand.Hangup;
import org.hotline.cti.core.AgentCommand.Hold;
import org.hotline.cti.core.AgentCommand.Monitor;
import org.hotline.cti.core.AgentCommand.Mute;
import org.hotline.cti.core.AgentCommand.Retrieve;
import org.hotline.cti.core.AgentCommand.SendDigits;
import org.hotline.cti.core.AgentCommand.SetState;
import org.hotline.cti.core.ModelListener.CallChange;
import org.hotline.cti.switching.AgentPresence;
import org.hotline.cti.switching.CallId;
import org.hotline.cti.switching.ConnectionId;
import org.hotline.cti.switching.Destination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.hotline.cti.core.CommandException.invalid;
import static org.hotline.cti.core.CommandException.notFound;
import static org.hotline.cti.core.CommandException.state;

/**
 * Checks a desk's command against the live model and turns it into switch services. Runs on
 * the event loop; completes with the id of the call acted on or created.
 */
final class Commands {
    private static final Logger log = LoggerFactory.getLogger(Commands.class);
    private static final Logger audit = LoggerFactory.getLogger("audit");
    private static final Pattern NUMBER = Pattern.compile("[0-9+*#]{1,32}");
    private static final Pattern DIGITS = Pattern.compile("[0-9*#A-Da-d]{1,64}");

    private final LiveModel m;

    Commands(LiveModel m) {
        this.m = m;
    }

    CompletionStage<String> execute(AgentCommand c) {
        m.origin = m.now();
        Agent a = loggedIn(c.agentId());
        if (c instanceof SetState s) {
            return done(setState(a, s.state(), s.reasonCode()));
        } else if (c instanceof Answer x) {
            LiveCall call = partyIn(a, x.callId(), ConnectionState.ALERTING);
            return service(a, call, m.sw.answerCall(conn(call, a)), "answer");
        } else if (c instanceof Hangup x) {
            LiveCall call = partyIn(a, x.callId(), null);
            if (call.party(a.extension()).state() == ConnectionState.ALERTING && a.id().equals(m.offers.get(call.id()))) {
                // Rejecting a routed call counts as missing it: the agent goes NotReady("missed").
                m.markMissed(call.id(), a.id());
            }
            return service(a, call, m.sw.clearConnection(conn(call, a)), "hang up");
        } else if (c instanceof Hold x) {
            LiveCall call = partyIn(a, x.callId(), ConnectionState.CONNECTED);
            return service(a, call, m.sw.holdCall(conn(call, a)), "hold");
        } else if (c instanceof Retrieve x) {
            LiveCall call = partyIn(a, x.callId(), ConnectionState.HELD);
            return service(a, call, m.sw.retrieveCall(conn(call, a)), "retrieve");
        } else if (c instanceof Consult x) {
            return consult(a, x);
        } else if (c instanceof CompleteTransfer x) {
            LiveCall[] pair = consultPair(a, x.callId());
            return service(a, pair[0], m.sw.transferCall(conn(pair[0], a), conn(pair[1], a)), "transfer");
        } else if (c instanceof Conference x) {
            LiveCall[] pair = consultPair(a, x.callId());
            return service(a, pair[0], m.sw.conferenceCall(conn(pair[0], a), conn(pair[1], a)), "conference");
        } else if (c instanceof BlindTransfer x) {
            LiveCall call = partyIn(a, x.callId(), null);
            return service(a, call, m.sw.singleStepTransfer(conn(call, a), destination(x.destination())),
                    "blind transfer");
        } else if (c instanceof Dial x) {
            return dial(a, x);
        } else if (c instanceof SendDigits x) {
            if (!DIGITS.matcher(x.digits()).matches()) {
                throw invalid("digits: '" + x.digits() + "' (expected: 1-64 of 0-9 * # A-D)");
            }
            LiveCall call = partyIn(a, x.callId(), ConnectionState.CONNECTED);
            return service(a, call, m.sw.generateDigits(conn(call, a), x.digits()), "send digits");
        } else if (c instanceof Mute x) {
            LiveCall call = partyIn(a, x.callId(), null);
            String callId = call.id();
            return m.sw.setMute(conn(call, a), x.muted()).thenApplyAsync(v -> {
                LiveCall now = m.calls.get(callId);
                if (now != null) {
                    if (x.muted()) {
                        now.muted().add(a.extension());
                    } else {
                        now.muted().remove(a.extension());
                    }
                    m.publishCallTo(a.id(), now, CallChange.DATA, "");
                }
                return callId;
            }, m.loop::execute);
        } else if (c instanceof AttachData x) {
            LiveCall call = involvedIn(a, x.callId());
            call.data(call.data().merge(x.customerId(), x.enteredAccount(), x.values()));
            m.publishCall(call, CallChange.DATA, "");
            return done(call.id());
        } else if (c instanceof ForceState x) {
            Agent target = loggedIn(x.targetAgentId());
            audit.info("{} forced agent {} to {} {}", a.id(), target.id(), x.state(), x.reasonCode());
            String r = setState(target, x.state(), x.reasonCode());
            m.notice(target.id(), "notice.forced_state", x.state().name(), a.id());
            return done(r);
        } else if (c instanceof ForceLogout x) {
            Agent target = loggedIn(x.targetAgentId());
            audit.info("{} forced agent {} to log out", a.id(), target.id());
            m.notice(target.id(), "notice.forced_logout", "", a.id());
            logout(target, true);
            return done("");
        } else if (c instanceof SendMessage x) {
            String text = x.text().strip();
            if (text.isEmpty() || text.length() > 500) {
                throw invalid("message: " + text.length() + " characters (expected: 1-500)");
            }
            Agent target = loggedIn(x.targetAgentId());
            audit.info("{} sent agent {} a message of {} characters", a.id(), target.id(), text.length());
            m.notice(target.id(), "notice.message", text, a.id());
            return done("");
        } else if (c instanceof Monitor x) {
            return monitor(a, x);
        }
        throw invalid("command: " + c + " (expected: a known command)");
    }

    /** Puts the agent in {@code to}, or remembers it for when the current call work ends. */
    private String setState(Agent a, AgentState to, String reasonCode) {
        if (to == AgentState.NOT_READY && !m.reasons.containsKey(reasonCode)) {
            throw invalid("reason code: '" + reasonCode + "' (expected one of " + m.reasons.keySet() + ")");
        }
        if (to != AgentState.READY && to != AgentState.NOT_READY && to != AgentState.AFTER_CALL_WORK) {
            throw invalid("state: " + to + " (expected: READY, NOT_READY or AFTER_CALL_WORK)");
        }
        if (AgentStateMachine.isBusy(a.state())) {
            if (to == AgentState.AFTER_CALL_WORK) {
                throw state("agent " + a.id() + " is " + a.state() + ": after-call work follows the call by itself");
            }
            // Asked during a call: applied when the call work ends.
            a.pending(to, reasonCode);
            return "";
        }
        if (!AgentStateMachine.canRequest(a.state(), to)) {
            throw state("agent " + a.id() + " is " + a.state() + " (cannot go to " + to + " from there)");
        }
        if (to == AgentState.AFTER_CALL_WORK && a.state() == AgentState.AFTER_CALL_WORK) {
            m.startAfterCallWork(a);
            return "";
        }
        a.pending(null, "");
        m.setState(a, to, reasonCode);
        mirrorPresence(a);
        return "";
    }

    void mirrorPresence(Agent a) {
        AgentPresence.Mode mode = switch (a.state()) {
            case LOGGED_OUT -> AgentPresence.Mode.LOGGED_OFF;
            case READY -> AgentPresence.Mode.READY;
            default -> AgentPresence.Mode.NOT_READY;
        };
        java.util.List<String> queues = new java.util.ArrayList<>();
        m.router.queues().values().forEach(q -> {
            if (org.hotline.cti.routing.ReadyAgent.hasAll(a.profile().skills(), q.requiredSkills())) {
                queues.add(q.queueId());
            }
        });
        String ext = a.extension();
        if (ext.isEmpty()) {
            return;
        }
        m.sw.setAgentPresence(new AgentPresence(ext, a.id(), mode, a.reason(), queues))
                .whenComplete((v, e) -> {
                    if (e != null) {
                        log.warn("switch did not take agent {}'s presence {}: {}", a.id(), mode,
                                LiveModel.rootMessage(e));
                    }
                });
    }

    void login(Agent a, String extension) {
        String ext = extension == null || extension.isBlank() ? a.profile().extension() : extension.trim();
        if (ext.isEmpty()) {
            throw invalid("extension: none given and agent " + a.id() + " has no configured extension");
        }
        String holder = m.agentByDevice.get(ext);
        if (holder != null && !holder.equals(a.id())) {
            throw new CommandException(CommandException.Code.ALREADY_EXISTS,
                    "extension " + ext + " is in use by agent " + holder);
        }
        if (a.state() != AgentState.LOGGED_OUT) {
            if (!a.extension().equals(ext)) {
                if (!a.calls().isEmpty()) {
                    throw state("agent " + a.id() + " has a call on extension " + a.extension());
                }
                m.agentByDevice.remove(a.extension());
                a.extension(ext);
                m.agentByDevice.put(ext, a.id());
                m.publishAgent(a);
            }
            return;
        }
        a.extension(ext);
        m.agentByDevice.put(ext, a.id());
        m.setState(a, AgentState.NOT_READY, ReasonCode.LOGIN);
        mirrorPresence(a);
        log.info("agent {} logged in at extension {}", a.id(), ext);
    }

    void logout(Agent a, boolean force) {
        if (a.state() == AgentState.LOGGED_OUT) {
            return;
        }
        if (!a.calls().isEmpty() || AgentStateMachine.isBusy(a.state())) {
            if (!force) {
                throw state("agent " + a.id() + " has " + a.calls().size() + " call(s): hang up first");
            }
            a.pendingLogout(true);
            return;
        }
        m.setState(a, AgentState.LOGGED_OUT, "");
        mirrorPresence(a);
        log.info("agent {} logged out", a.id());
    }

    private CompletionStage<String> consult(Agent a, Consult x) {
        LiveCall call = partyIn(a, x.callId(), null);
        for (String other : a.calls()) {
            LiveCall c = m.calls.get(other);
            if (c != null && call.id().equals(c.consultedFromCallId())) {
                throw state("agent " + a.id() + " already consults about call " + call.id() + " (call " + other + ")");
            }
        }
        Destination d = destination(x.destination());
        String primary = call.id();
        return m.tell(a, m.sw.consultationCall(conn(call, a), d), "consult").thenApplyAsync(id -> {
            LiveCall consult = m.calls.get(id.value());
            if (consult == null) {
                m.pendingConsults.put(id.value(), primary);
            } else {
                new SwitchEvents(m).linkConsultation(consult, primary);
                m.publishCall(consult, CallChange.DATA, "");
            }
            return id.value();
        }, m.loop::execute);
    }

    /** The agent's held call and its consultation call, found from either id. */
    private LiveCall[] consultPair(Agent a, String callId) {
        LiveCall given = involvedIn(a, callId);
        if (!given.consultedFromCallId().isEmpty()) {
            LiveCall primary = m.calls.get(given.consultedFromCallId());
            if (primary == null || primary.party(a.extension()) == null) {
                throw state("call " + callId + " consults about call " + given.consultedFromCallId()
                        + ", which agent " + a.id() + " no longer holds");
            }
            return new LiveCall[] {primary, given};
        }
        for (String other : a.calls()) {
            LiveCall c = m.calls.get(other);
            if (c != null && given.id().equals(c.consultedFromCallId()) && c.party(a.extension()) != null) {
                return new LiveCall[] {given, c};
            }
        }
        throw state("call " + callId + " has no consultation call at agent " + a.id() + " (consult first)");
    }

    private CompletionStage<String> dial(Agent a, Dial x) {
        if (!NUMBER.matcher(x.number()).matches()) {
            throw invalid("number: '" + x.number() + "' (expected: 1-32 of 0-9 + * #)");
        }
        if (a.state() == AgentState.RESERVED) {
            throw state("agent " + a.id() + " has a call ringing: answer or reject it first");
        }
        Destination d = destination(x.number());
        Map<String, String> values = x.values();
        return m.tell(a, m.sw.makeCall(a.extension(), d, values), "dial").thenApplyAsync(id -> {
            LiveCall call = m.calls.get(id.value());
            if (call != null && !values.isEmpty()) {
                call.data(call.data().merge("", "", values));
                m.publishCall(call, CallChange.DATA, "");
            }
            return id.value();
        }, m.loop::execute);
    }

    private CompletionStage<String> monitor(Agent sup, Monitor x) {
        Agent target = loggedIn(x.targetAgentId());
        if (sup.extension().isEmpty()) {
            throw state("team lead " + sup.id() + " has no extension to listen on");
        }
        LiveCall call = null;
        for (String id : target.calls()) {
            LiveCall c = m.calls.get(id);
            LiveCall.Party p = c == null ? null : c.party(target.extension());
            if (p != null && (p.state() == ConnectionState.CONNECTED || p.state() == ConnectionState.HELD)) {
                call = c;
                break;
            }
        }
        if (call == null) {
            throw state("agent " + target.id() + " is not on a call (state " + target.state() + ")");
        }
        audit.info("{} {} on agent {} call {}", sup.id(), x.mode(), target.id(), call.id());
        String callId = call.id();
        return m.tell(sup, m.sw.singleStepConference(new CallId(callId), target.extension(), sup.extension(),
                x.mode()), x.mode().name().toLowerCase()).thenApply(v -> callId);
    }

    Destination destination(String dest) {
        if (dest == null || dest.isBlank()) {
            throw invalid("destination: empty (expected: an agent id, queue:<id> or a number)");
        }
        String d = dest.trim();
        if (d.startsWith("queue:")) {
            String q = d.substring(6);
            if (!m.router.queues().containsKey(q)) {
                throw notFound("queue: " + q + " (expected one of " + m.router.queues().keySet() + ")");
            }
            return new Destination.Queue(q);
        }
        Agent target = m.agents.get(d);
        if (target != null) {
            if (target.state() == AgentState.LOGGED_OUT) {
                throw state("agent " + d + " is not logged in");
            }
            return new Destination.Extension(target.extension());
        }
        if (m.agentByDevice.containsKey(d)) {
            return new Destination.Extension(d);
        }
        if (NUMBER.matcher(d).matches()) {
            return new Destination.External(d);
        }
        throw invalid("destination: '" + d + "' (expected: an agent id, queue:<id> or a number)");
    }

    private Agent loggedIn(String agentId) {
        Agent a = m.agents.get(agentId);
        if (a == null) {
            throw notFound("agent: " + agentId + " (no such agent)");
        }
        if (a.state() == AgentState.LOGGED_OUT) {
            throw state("agent " + agentId + " is not logged in");
        }
        return a;
    }

    /** The call, where the agent is a party (in {@code required} state, if given). */
    private LiveCall partyIn(Agent a, String callId, ConnectionState required) {
        LiveCall call = m.calls.get(callId);
        if (call == null) {
            throw notFound("call: " + callId + " (no such call; it may have ended)");
        }
        LiveCall.Party p = call.party(a.extension());
        if (p == null) {
            throw state("agent " + a.id() + " is not in call " + callId);
        }
        if (required != null && p.state() != required) {
            throw state("call " + callId + " is " + p.state() + " at agent " + a.id() + " (expected: " + required + ")");
        }
        return call;
    }

    private LiveCall involvedIn(Agent a, String callId) {
        LiveCall call = m.calls.get(callId);
        if (call == null) {
            throw notFound("call: " + callId + " (no such call; it may have ended)");
        }
        if (call.party(a.extension()) == null) {
            throw state("agent " + a.id() + " is not in call " + callId);
        }
        return call;
    }

    private static ConnectionId conn(LiveCall call, Agent a) {
        return new ConnectionId(new CallId(call.id()), a.extension());
    }

    private <T> CompletionStage<String> service(Agent a, LiveCall call, CompletionStage<T> stage, String what) {
        String id = call.id();
        return m.tell(a, stage, what).thenApply(v -> id);
    }

    private static CompletionStage<String> done(String v) {
        return CompletableFuture.completedFuture(v);
    }
}
