package org.hotline.agent.connection;

import static java.util.Objects.requireNonNull;

/** Where the CTI server listens: {@code host} or {@code host:port} (default port 7443). */
public record ServerAddress(String host, int port) {
    public static final int DEFAULT_PORT = 7443;

    public ServerAddress {
        requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host is empty (expected: a host name or address)");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port: " + port + " (expected: 1..65535)");
        }
    }

    /** Parses {@code host}, {@code host:port}, {@code [v6]:port} or a bare IPv6 address. */
    public static ServerAddress parse(String text) {
        requireNonNull(text, "text");
        String t = text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("server address is empty (expected: host or host:port)");
        }
        if (t.startsWith("[")) {
            int close = t.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("server address: '" + text + "' (expected: [ipv6]:port)");
            }
            String rest = t.substring(close + 1);
            return new ServerAddress(t.substring(1, close), rest.isEmpty() ? DEFAULT_PORT : port(rest.substring(1), text));
        }
        int colon = t.indexOf(':');
        if (colon < 0 || colon != t.lastIndexOf(':')) {
            return new ServerAddress(t, DEFAULT_PORT);
        }
        return new ServerAddress(t.substring(0, colon), port(t.substring(colon + 1), text));
    }

    private static int port(String p, String text) {
        try {
            return Integer.parseInt(p);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port: '" + p + "' in '" + text + "' (expected: a number 1..65535)");
        }
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
