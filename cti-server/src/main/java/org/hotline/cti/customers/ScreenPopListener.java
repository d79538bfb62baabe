package org.hotline.cti.customers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.hotline.cti.calls.CallDetailRecord.Direction;
import org.hotline.cti.calls.CallView;
import org.hotline.cti.core.ModelListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Pops the caller's customer card on the desk a call is delivered to. Lives on the event loop
 * like every {@link ModelListener}; the lookup runs on {@code workers} and its result comes back
 * to the loop ({@code loop}) as its own task, so the loop never waits on the database.
 *
 * <p>The pop is computed once per customer call and kept: the agent a call is transferred or
 * conferenced to, and the agent consulted about it, get the same pop (the screen follows the
 * voice). Several desks asking while the lookup runs all get its one result.
 */
public final class ScreenPopListener implements ModelListener {
    private static final Logger log = LoggerFactory.getLogger(ScreenPopListener.class);
    private static final int KEPT_POPS = 2_000;

    private record Waiter(String agentId, String callId) {}

    private final ScreenPops pops;
    private final Executor workers;
    private final Executor loop;
    private final ScreenPopSink sink;
    // Loop-owned.
    private final Map<String, ScreenPop> done = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ScreenPop> eldest) {
            return size() > KEPT_POPS;
        }
    };
    private final Map<String, List<Waiter>> pending = new HashMap<>();

    public ScreenPopListener(ScreenPops pops, Executor workers, Executor loop, ScreenPopSink sink) {
        this.pops = requireNonNull(pops, "pops");
        this.workers = requireNonNull(workers, "workers");
        this.loop = requireNonNull(loop, "loop");
        this.sink = requireNonNull(sink, "sink");
    }

    @Override
    public void callChanged(String agentId, CallChange change, CallView call, String cause, Instant origin) {
        if (change != CallChange.RINGING && change != CallChange.TRANSFERRED && change != CallChange.CONFERENCED) {
            return;
        }
        boolean customerCall = call.direction() == Direction.INBOUND || !call.consultedFromCallId().isEmpty();
        if (!customerCall || call.data().callerNumber().isEmpty()) {
            return;
        }
        // A consultation pops what the call it is about popped.
        String key = call.consultedFromCallId().isEmpty() ? call.callId() : call.consultedFromCallId();
        Waiter w = new Waiter(agentId, call.callId());
        ScreenPop known = done.get(key);
        if (known != null) {
            deliver(w, known);
            return;
        }
        List<Waiter> waiting = pending.get(key);
        if (waiting != null) {
            waiting.add(w);
            return;
        }
        waiting = new ArrayList<>();
        waiting.add(w);
        pending.put(key, waiting);
        String number = call.data().callerNumber();
        String account = call.data().enteredAccount();
        try {
            workers.execute(() -> lookUp(key, number, account));
        } catch (RejectedExecutionException e) {
            pending.remove(key);
            log.warn("screen pop for call {} skipped: lookup workers saturated", key);
        }
    }

    private void lookUp(String key, String number, String account) {
        ScreenPop pop;
        try {
            pop = pops.compute(key, number, account);
        } catch (RuntimeException e) {
            log.warn("screen pop for call {} failed: {}", key, e.toString());
            loop.execute(() -> pending.remove(key));
            return;
        }
        loop.execute(() -> {
            done.put(key, pop);
            List<Waiter> waiting = pending.remove(key);
            if (waiting != null) {
                waiting.forEach(w -> deliver(w, pop));
            }
        });
    }

    private void deliver(Waiter w, ScreenPop pop) {
        sink.pop(w.agentId(), w.callId().equals(pop.callId()) ? pop
                : new ScreenPop(w.callId(), pop.callerNumber(), pop.matches()));
    }
}
