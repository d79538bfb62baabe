package org.hotline.cti.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * Open sessions by token. Tokens are 256 random bits; only their SHA-256 is kept here and in
 * the {@link SessionStore}, so a stolen database does not open desks. Sessions survive a server
 * restart (loaded from the store at start).
 */
public final class SessionRegistry {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SessionStore store;
    private final Clock clock;
    private final Map<String, Session> byHash = new ConcurrentHashMap<>();
    private final Map<String, Session> byAgent = new ConcurrentHashMap<>();

    public SessionRegistry(SessionStore store, Clock clock) {
        this.store = requireNonNull(store, "store");
        this.clock = requireNonNull(clock, "clock");
    }

    /** Loads the sessions that were open when the server stopped. */
    public List<Session> restore() {
        List<Session> out = new ArrayList<>();
        for (SessionStore.StoredSession s : store.all()) {
            Session session = new Session(s.tokenHash(), s.agentId(), s.role(), s.extension(), s.createdAt(), "restored");
            session.seen(clock.instant());
            byHash.put(s.tokenHash(), session);
            byAgent.put(s.agentId(), session);
            out.add(session);
        }
        return out;
    }

    public Optional<Session> current(String agentId) {
        return Optional.ofNullable(byAgent.get(agentId));
    }

    /** Opens a session and returns the token (shown once, to the client). */
    public String open(String agentId, Role role, String extension, String client) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        Session s = new Session(hash(token), agentId, role, extension, now, client);
        store.save(new SessionStore.StoredSession(s.tokenHash(), agentId, role, extension, now, now));
        byHash.put(s.tokenHash(), s);
        Session old = byAgent.put(agentId, s);
        if (old != null) {
            close(old);
        }
        return token;
    }

    public Optional<Session> find(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        Session s = byHash.get(hash(token));
        return s == null || s.ended() ? Optional.empty() : Optional.of(s);
    }

    public void touch(Session s) {
        s.seen(clock.instant());
    }

    public void close(Session s) {
        s.end();
        byHash.remove(s.tokenHash());
        byAgent.remove(s.agentId(), s);
        store.delete(s.tokenHash());
    }

    /** Sessions not seen for longer than {@code timeout}. */
    public List<Session> idleLongerThan(Duration timeout) {
        Instant limit = clock.instant().minus(timeout);
        List<Session> out = new ArrayList<>();
        for (Session s : byHash.values()) {
            if (s.lastSeen().isBefore(limit)) {
                out.add(s);
            }
        }
        return out;
    }

    static String hash(String token) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(d.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }
}
