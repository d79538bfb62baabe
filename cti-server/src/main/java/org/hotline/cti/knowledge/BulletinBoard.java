package org.hotline.cti.knowledge;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Bulletins that are valid now or will be: loaded from the store at start, published through
 * {@link #publish}, which stores the bulletin and then tells the listeners (the stream hub pushes
 * it to the desks and wallboards of its audience). Thread-safe.
 */
public final class BulletinBoard {
    private static final Logger log = LoggerFactory.getLogger(BulletinBoard.class);

    private final KnowledgeStore store;
    private final Clock clock;
    private final Map<Long, Bulletin> pending = new ConcurrentSkipListMap<>();
    private final List<Consumer<Bulletin>> listeners = new CopyOnWriteArrayList<>();

    public BulletinBoard(KnowledgeStore store, Clock clock) {
        this.store = requireNonNull(store, "store");
        this.clock = requireNonNull(clock, "clock");
        store.bulletinsUntilAfter(clock.instant()).forEach(b -> pending.put(b.id(), b));
    }

    /** {@code listener} gets every bulletin published from now on, on the publisher's thread. */
    public void onPublish(Consumer<Bulletin> listener) {
        listeners.add(requireNonNull(listener, "listener"));
    }

    /**
     * Stores and announces a bulletin. Its validity must not have ended already.
     *
     * @throws IllegalArgumentException when {@code validUntil} is not in the future
     */
    public Bulletin publish(Bulletin draft, String by) {
        requireNonNull(draft, "draft");
        requireNonNull(by, "by");
        Instant now = clock.instant();
        if (!draft.validUntil().isAfter(now)) {
            throw new IllegalArgumentException("valid until: " + draft.validUntil() + " (expected: after now, " + now + ")");
        }
        Bulletin saved = store.insert(draft.saved(0, by, now));
        pending.put(saved.id(), saved);
        log.info("bulletin {} '{}' published by {} for {}{}, valid {} .. {}", saved.id(), saved.title(), by,
                saved.audience(), saved.teamId().isEmpty() ? "" : " " + saved.teamId(), saved.validFrom(),
                saved.validUntil());
        listeners.forEach(l -> l.accept(saved));
        return saved;
    }

    /** Bulletins valid now or later, oldest first. */
    public List<Bulletin> notExpired() {
        Instant now = clock.instant();
        pending.values().removeIf(b -> !b.validUntil().isAfter(now));
        return List.copyOf(pending.values());
    }

    /** What the desk of a member of {@code team} shows now. */
    public List<Bulletin> forDesk(String team) {
        Instant now = clock.instant();
        return notExpired().stream().filter(b -> b.validAt(now) && b.reachesDeskOf(team)).toList();
    }

    /** What the wallboard shows now. */
    public List<Bulletin> forWallboard() {
        Instant now = clock.instant();
        return notExpired().stream().filter(b -> b.validAt(now) && b.reachesWallboard()).toList();
    }
}
