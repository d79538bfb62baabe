package org.hotline.cti.core;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * An immutable value read from storage (a site's role grants, its work-order types ...), kept
 * until {@link #invalidate()} and read again on the next {@link #get()}. Made for configuration
 * that is read on every command and changed by an administrator now and then.
 *
 * <p>Each loaded value is tagged with the generation at which its load began; {@code invalidate}
 * moves the generation on, so a load that raced with a change (it may have read the old rows)
 * is used by the caller that asked for it but never served to a later one. The writer commits
 * first and invalidates second: every {@code get} that starts after {@code invalidate} returns
 * sees the change. Lock-free: concurrent misses may load twice, which is harmless.
 *
 * @param <T> an immutable snapshot
 */
public final class CachedSnapshot<T> {
    private record Tagged<T>(long generation, T value) {}

    private final Supplier<T> loader;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicReference<Tagged<T>> current = new AtomicReference<>();

    /** {@code loader} reads the whole snapshot; it may block and throw (nothing is cached then). */
    public CachedSnapshot(Supplier<T> loader) {
        this.loader = requireNonNull(loader, "loader");
    }

    /** The cached snapshot, or a fresh one when there is none or it was invalidated since. */
    public T get() {
        long g = generation.get();
        Tagged<T> t = current.get();
        if (t != null && t.generation() == g) {
            return t.value();
        }
        T value = requireNonNull(loader.get(), "loaded snapshot");
        current.set(new Tagged<>(g, value));
        return value;
    }

    /** Forgets the snapshot: the next {@link #get()} reads storage again. Call it after the change commits. */
    public void invalidate() {
        generation.incrementAndGet();
    }
}
