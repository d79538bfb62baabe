package org.hotline.cti.switching.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletionException;

import org.hotline.cti.core.EventLoop;
import org.hotline.cti.switching.CallId;
import org.hotline.cti.switching.Cause;
import org.hotline.cti.switching.ConnectionId;
import org.hotline.cti.switching.Devices;
import org.hotline.cti.switching.IvrOutcome;
import org.hotline.cti.switching.SwitchEvent;
import org.hotline.cti.switching.SwitchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The caller side of the simulation: Poisson arrivals per {@link CallerStream} into a
 * {@link SimSwitch}, on the switch's own loop. Callers go through their IVR choice (the choice's
 * share of them hang up in it, somewhere in its second half), wait with an
 * exponentially distributed patience once offered to the CTI server, hang up when it runs out
 * (abandon), and once answered talk for an exponential time (if the stream says so) but never
 * longer than the stream's maximum. The agent side is not here: agents answer through the CTI
 * server like real people.
 *
 * <p>Seeded: with the same seed and the same loop (a {@link org.hotline.cti.core.VirtualTimeLoop})
 * a run repeats exactly. Each stream draws from its own generator, so adding a stream does not
 * change the others' callers. Per call the work is a few map lookups and timers; no threads.
 */
public final class CallerTraffic {
    private static final Logger log = LoggerFactory.getLogger(CallerTraffic.class);

    private final SimSwitch sim;
    private final EventLoop loop;
    private final CallerPool pool;
    private final List<Stream> streams = new ArrayList<>();
    private final Map<CallId, Caller> callers = new HashMap<>();
    private boolean running;

    /**
     * @param sim            the switch the callers dial into; the traffic runs on its loop
     * @param seed           makes a run repeatable
     * @param callerPoolSize how many different caller numbers exist (smaller pools mean more repeat callers)
     * @param streams        the kinds of callers, with distinct names
     */
    public CallerTraffic(SimSwitch sim, long seed, int callerPoolSize, List<CallerStream> streams) {
        this.sim = requireNonNull(sim, "sim");
        this.loop = sim.loop();
        requireNonNull(streams, "streams");
        if (streams.isEmpty()) {
            throw new IllegalArgumentException("streams: [] (expected: at least one caller stream)");
        }
        Random seeds = new Random(seed);
        this.pool = new CallerPool(new Random(seeds.nextLong()), callerPoolSize);
        var names = new HashSet<String>();
        for (CallerStream s : streams) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("streams: name '" + s.name() + "' twice (expected: distinct names)");
            }
            this.streams.add(new Stream(s, new Random(seeds.nextLong())));
        }
        sim.addTap(this::onEvent);
    }

    /** Starts arrivals on every stream. Calls in progress are not affected by {@link #stop()} and a later start. */
    public void start() {
        loop.execute(() -> {
            if (running) {
                return;
            }
            running = true;
            streams.forEach(this::scheduleArrival);
            log.info("caller traffic started: {}", describe());
        });
    }

    /** Stops new arrivals; callers already in calls go on to the end. */
    public void stop() {
        loop.execute(() -> {
            if (!running) {
                return;
            }
            running = false;
            for (Stream s : streams) {
                if (s.nextArrival != null) {
                    s.nextArrival.cancel();
                    s.nextArrival = null;
                }
            }
            log.info("caller traffic stopped: {}", counters());
        });
    }

    /** All streams together; readable from any thread. */
    public TrafficCounters counters() {
        TrafficCounters total = new TrafficCounters(0, 0, 0, 0, 0, 0);
        for (Stream s : streams) {
            total = total.plus(s.counters());
        }
        return total;
    }

    /** One stream's counters; readable from any thread. */
    public TrafficCounters counters(String stream) {
        for (Stream s : streams) {
            if (s.config.name().equals(stream)) {
                return s.counters();
            }
        }
        throw new IllegalArgumentException("stream: '" + stream + "' (expected: one of " + describe() + ")");
    }

    private String describe() {
        List<String> parts = new ArrayList<>();
        for (Stream s : streams) {
            parts.add(s.config.name() + " " + s.config.callsPerHour() + "/h to " + s.config.dialledNumber());
        }
        return String.join(", ", parts);
    }

    private void scheduleArrival(Stream s) {
        s.nextArrival = loop.schedule(exponential(s.random, 1.0 / s.config.callsPerSecond()), () -> {
            s.nextArrival = null;
            if (!running) {
                return;
            }
            arrive(s);
            scheduleArrival(s);
        });
    }

    private void arrive(Stream s) {
        s.offered++;
        CallerPool.Caller who = pool.pick(s.random);
        IvrChoice choice = s.pick();
        String account = s.random.nextDouble() < choice.accountShare() ? who.account() : null;
        IvrScript script = new IvrScript(choice.digits(), choice.queueHint(), account, choice.duration());
        boolean leavesInIvr = choice.hangUpShare() > 0 && s.random.nextDouble() < choice.hangUpShare();
        sim.inboundCall(who.number(), s.config.dialledNumber(), script).whenComplete((call, failure) -> {
            if (failure == null) {
                Caller c = new Caller(s, Devices.external(who.number()));
                callers.put(call, c);
                if (leavesInIvr) {
                    // Somewhere in the last part of the menus: after the self-service answer, or fed up.
                    long ms = (long) (choice.duration().toMillis() * (0.5 + 0.45 * s.random.nextDouble()));
                    c.patience = loop.schedule(Duration.ofMillis(ms), () -> {
                        c.patience = null;
                        hangUp(call, c);
                    });
                }
            } else if (cause(failure) instanceof SwitchException e && e.reason() == SwitchException.Reason.BUSY) {
                s.blockedByTrunks++;
            } else {
                log.warn("caller {} of {} could not dial in: {}", who.number(), s.config.name(),
                        cause(failure).getMessage());
            }
        });
    }

    private void onEvent(SwitchEvent event) {
        if (event instanceof SwitchEvent.IvrFinished f && f.outcome() == IvrOutcome.HUNG_UP) {
            // Nothing more comes for a call that ended in the IVR.
            Caller c = callers.remove(f.call());
            if (c != null) {
                c.stream.hungUpInIvr++;
                c.stream.completed++;
            }
        } else if (event instanceof SwitchEvent.RouteRequested r) {
            Caller c = callers.get(r.call());
            if (c != null && c.patience == null && c.stream.config.meanPatience() != null) {
                c.patience = loop.schedule(exponential(c.stream.random, seconds(c.stream.config.meanPatience())),
                        () -> {
                            c.patience = null;
                            hangUp(r.call(), c);
                        });
            }
        } else if (event instanceof SwitchEvent.Established e) {
            Caller c = callers.get(e.call());
            if (c == null) {
                return;
            }
            cancelPatience(c);
            if (!c.answered) {
                c.answered = true;
                c.stream.answered++;
                Duration talk = talkTime(c.stream);
                if (talk != null) {
                    c.talk = loop.schedule(talk, () -> {
                        c.talk = null;
                        hangUp(e.call(), c);
                    });
                }
            }
        } else if (event instanceof SwitchEvent.ConnectionCleared cleared) {
            Caller c = callers.get(cleared.call());
            if (c != null && cleared.releasingDevice().equals(c.device) && cleared.cause() == Cause.ABANDONED) {
                c.stream.abandoned++;
            }
        } else if (event instanceof SwitchEvent.CallCleared cleared) {
            Caller c = callers.remove(cleared.call());
            if (c != null) {
                cancelPatience(c);
                if (c.talk != null) {
                    c.talk.cancel();
                }
                c.stream.completed++;
            }
        }
    }

    /** How long a caller who was just answered will talk before hanging up, or null if until the agent ends it. */
    private static Duration talkTime(Stream s) {
        Duration mean = s.config.meanTalkTime();
        Duration max = s.config.maxTalkTime();
        if (mean == null) {
            return max;
        }
        Duration drawn = exponential(s.random, seconds(mean));
        return max != null && drawn.compareTo(max) > 0 ? max : drawn;
    }

    private void hangUp(CallId call, Caller c) {
        sim.hangUp(new ConnectionId(call, c.device)).whenComplete((ok, failure) -> {
            if (failure != null) {
                // The call ended at the same moment for another reason: nothing to do.
                log.debug("caller {} could not hang up {}: {}", c.device, call, cause(failure).getMessage());
            }
        });
    }

    private static void cancelPatience(Caller c) {
        if (c.patience != null) {
            c.patience.cancel();
            c.patience = null;
        }
    }

    private static Throwable cause(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    /** An exponentially distributed duration with the given mean in seconds. */
    private static Duration exponential(Random random, double meanSeconds) {
        return Duration.ofNanos(Math.round(-Math.log(1 - random.nextDouble()) * meanSeconds * 1e9));
    }

    /** A stream's generator, choice table and counters (written on the loop, read from anywhere). */
    private static final class Stream {
        final CallerStream config;
        final Random random;
        final double[] cumulativeWeights;
        EventLoop.Timer nextArrival;
        volatile long offered;
        volatile long blockedByTrunks;
        volatile long abandoned;
        volatile long hungUpInIvr;
        volatile long answered;
        volatile long completed;

        Stream(CallerStream config, Random random) {
            this.config = config;
            this.random = random;
            cumulativeWeights = new double[config.choices().size()];
            double sum = 0;
            for (int i = 0; i < cumulativeWeights.length; i++) {
                sum += config.choices().get(i).weight();
                cumulativeWeights[i] = sum;
            }
        }

        IvrChoice pick() {
            double x = random.nextDouble() * cumulativeWeights[cumulativeWeights.length - 1];
            for (int i = 0; i < cumulativeWeights.length; i++) {
                if (x < cumulativeWeights[i]) {
                    return config.choices().get(i);
                }
            }
            return config.choices().get(cumulativeWeights.length - 1);
        }

        TrafficCounters counters() {
            return new TrafficCounters(offered, blockedByTrunks, abandoned, hungUpInIvr, answered, completed);
        }
    }

    /** A caller in a call. */
    private static final class Caller {
        final Stream stream;
        final String device;
        EventLoop.Timer patience;
        EventLoop.Timer talk;
        boolean answered;

        Caller(Stream stream, String device) {
            this.stream = stream;
            this.device = device;
        }
    }
}
