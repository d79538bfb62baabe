package org.hotline.cti.api;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's outbound buffer, drained by gRPC flow control: messages are written only while
 * the transport says it is ready, so a slow client never makes the server buffer without bound.
 * Ordered messages queue up to {@code capacity}; keyed messages (latest agent state, latest
 * queue figures) replace the pending one with the same key, so a slow client gets coalesced
 * state. A client whose buffer is full, or that has not read for {@code stallMillis}, is cut
 * off with RESOURCE_EXHAUSTED and subscribes again for a fresh snapshot.
 */
final class Outbound<T> {
    private static final Logger log = LoggerFactory.getLogger(Outbound.class);

    private final String name;
    private final ServerCallStreamObserver<T> observer;
    private final Executor drainer;
    private final int capacity;
    private final long stallNanos;
    private final Runnable onClose;
    private final ArrayDeque<T> ordered = new ArrayDeque<>();
    private final LinkedHashMap<String, T> keyed = new LinkedHashMap<>();
    private final AtomicInteger wip = new AtomicInteger();
    private volatile boolean closed;
    private volatile Status terminal;
    private boolean terminalSent;
    private volatile long lastProgressNanos = System.nanoTime();

    Outbound(String name, ServerCallStreamObserver<T> observer, Executor drainer, int capacity, long stallMillis,
             Runnable onClose) {
        this.name = name;
        this.observer = observer;
        this.drainer = drainer;
        this.capacity = capacity;
        this.stallNanos = stallMillis * 1_000_000L;
        this.onClose = onClose;
        observer.setOnReadyHandler(this::scheduleDrain);
        observer.setOnCancelHandler(() -> close(null));
        observer.setOnCloseHandler(() -> close(null));
    }

    String name() {
        return name;
    }

    boolean isClosed() {
        return closed;
    }

    /** Messages waiting to be written. */
    synchronized int pending() {
        return ordered.size() + keyed.size();
    }

    void offer(T message) {
        boolean full;
        synchronized (this) {
            if (closed) {
                return;
            }
            int size = ordered.size() + keyed.size();
            full = size >= capacity;
            if (!full) {
                if (size == 0) {
                    // The stall clock starts when the buffer stops being empty, not at the last write.
                    lastProgressNanos = System.nanoTime();
                }
                ordered.add(message);
            }
        }
        if (full) {
            cutOff("buffer of " + capacity + " events is full");
            return;
        }
        scheduleDrain();
    }

    /** Replaces any pending message with the same key (the client only needs the latest). */
    void offerLatest(String key, T message) {
        boolean full;
        synchronized (this) {
            if (closed) {
                return;
            }
            int size = ordered.size() + keyed.size();
            full = !keyed.containsKey(key) && size >= capacity;
            if (!full) {
                if (size == 0) {
                    lastProgressNanos = System.nanoTime();
                }
                keyed.put(key, message);
            }
        }
        if (full) {
            cutOff("buffer of " + capacity + " events is full");
            return;
        }
        scheduleDrain();
    }

    /** Called periodically: a client that has had pending messages and not read them for too long is cut off. */
    void checkStalled() {
        if (!closed && pending() > 0 && System.nanoTime() - lastProgressNanos > stallNanos) {
            cutOff("has not read for " + stallNanos / 1_000_000_000L + " s");
        }
    }

    private void scheduleDrain() {
        if (wip.getAndIncrement() == 0) {
            drainer.execute(this::drain);
        }
    }

    private void drain() {
        int missed = 1;
        do {
            try {
                while (!closed && observer.isReady()) {
                    T next = poll();
                    if (next == null) {
                        break;
                    }
                    observer.onNext(next);
                    lastProgressNanos = System.nanoTime();
                }
                if (!closed && pending() == 0) {
                    lastProgressNanos = System.nanoTime();
                }
                if (closed && terminal != null && !terminalSent) {
                    // Sent from inside the drain loop so it never races an onNext.
                    terminalSent = true;
                    if (terminal.isOk()) {
                        observer.onCompleted();
                    } else {
                        observer.onError(terminal.asRuntimeException());
                    }
                }
            } catch (RuntimeException e) {
                // The call was cancelled under us: nothing more to send.
                terminalSent = true;
                close(null);
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    private synchronized T poll() {
        T o = ordered.poll();
        if (o != null) {
            return o;
        }
        Iterator<Map.Entry<String, T>> it = keyed.entrySet().iterator();
        if (it.hasNext()) {
            T v = it.next().getValue();
            it.remove();
            return v;
        }
        return null;
    }

    private void cutOff(String why) {
        log.warn("stream {} cut off: {}; it will resubscribe for a fresh snapshot", name, why);
        close(Status.RESOURCE_EXHAUSTED.withDescription("client too slow (" + why + "); subscribe again"));
    }

    /** Ends the stream: with {@code status} an error is sent, else the peer already went away. */
    void close(Status status) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            terminal = status;
            ordered.clear();
            keyed.clear();
        }
        onClose.run();
        if (status != null) {
            terminal = status;
            scheduleDrain();
        }
    }
}
