package org.hotline.cti.security;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/** A logged-in user. {@code tokenHash} is what the registry keys on; the token itself is only in the client. */
public final class Session {
    private final String tokenHash;
    private final String agentId;
    private final Role role;
    private final String extension;
    private final Instant createdAt;
    private final String client;
    private volatile Instant lastSeen;
    private volatile boolean ended;

    public Session(String tokenHash, String agentId, Role role, String extension, Instant createdAt, String client) {
        this.tokenHash = requireNonNull(tokenHash, "tokenHash");
        this.agentId = requireNonNull(agentId, "agentId");
        this.role = requireNonNull(role, "role");
        this.extension = extension == null ? "" : extension;
        this.createdAt = requireNonNull(createdAt, "createdAt");
        this.client = client == null ? "" : client;
        this.lastSeen = createdAt;
    }

    public String tokenHash() {
        return tokenHash;
    }

    public String agentId() {
        return agentId;
    }

    public Role role() {
        return role;
    }

    public String extension() {
        return extension;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String client() {
        return client;
    }

    public Instant lastSeen() {
        return lastSeen;
    }

    public void seen(Instant t) {
        lastSeen = t;
    }

    public boolean ended() {
        return ended;
    }

    public void end() {
        ended = true;
    }
}
