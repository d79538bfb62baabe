package org.hotline.cti.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.hotline.cti.api.StreamHub;

import static java.util.Objects.requireNonNull;

/**
 * Everything the CTI server is configured with. With no configuration: embedded H2 under
 * {@code ./data}, the simulated switch, gRPC over TLS with a self-signed certificate on 7443,
 * metrics and health on 127.0.0.1:9464.
 *
 * @param dbUrl       JDBC URL of MySQL 8 / MariaDB 10.6+, or empty for the embedded H2
 * @param switchKind  "sim" or "asterisk"
 * @param plaintext   gRPC without TLS (only when explicitly asked for)
 * @param tlsCert     operator-supplied certificate (PEM), or null to create a self-signed one
 * @param tlsNames    extra host names or addresses for the self-signed certificate
 * @param simTrunks   outside lines of the simulated switch
 * @param streamLimits client stream buffers and how long a client may stall before it is cut off
 */
public record ServerOptions(Path dataDir, String dbUrl, String dbUser, String dbPassword, String siteId,
                            String switchKind, AsteriskOptions asterisk, String grpcHost, int grpcPort,
                            boolean plaintext, Path tlsCert, Path tlsKey, List<String> tlsNames, String opsHost,
                            int opsPort, Duration afterCallWork, Duration ringNoAnswer, boolean seedDemoData,
                            int simTrunks, StreamHub.Limits streamLimits) {

    /** How to reach Asterisk (AMI) and where to serve FastAGI. */
    public record AsteriskOptions(String host, int amiPort, String user, String secret, int agiPort) {
        public static AsteriskOptions defaults() {
            return new AsteriskOptions("127.0.0.1", 5038, "hotline", "", 4573);
        }
    }

    public ServerOptions {
        requireNonNull(dataDir, "dataDir");
        dbUrl = dbUrl == null ? "" : dbUrl;
        requireNonNull(siteId, "siteId");
        if (!switchKind.equals("sim") && !switchKind.equals("asterisk")) {
            throw new IllegalArgumentException("switch: " + switchKind + " (expected: sim or asterisk)");
        }
        tlsNames = List.copyOf(tlsNames);
        streamLimits = streamLimits == null ? StreamHub.Limits.DEFAULT : streamLimits;
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("tls: give both --tls-cert and --tls-key, or neither");
        }
    }

    public static ServerOptions defaults(Path dataDir) {
        return new ServerOptions(dataDir, "", "", "", "main", "sim", AsteriskOptions.defaults(), "0.0.0.0", 7443,
                false, null, null, List.of(), "127.0.0.1", 9464, Duration.ofSeconds(30), Duration.ofSeconds(15),
                true, 120, StreamHub.Limits.DEFAULT);
    }

    public ServerOptions withGrpc(String host, int port, boolean plain) {
        return new ServerOptions(dataDir, dbUrl, dbUser, dbPassword, siteId, switchKind, asterisk, host, port, plain,
                tlsCert, tlsKey, tlsNames, opsHost, opsPort, afterCallWork, ringNoAnswer, seedDemoData, simTrunks,
                streamLimits);
    }

    public ServerOptions withOpsPort(int port) {
        return new ServerOptions(dataDir, dbUrl, dbUser, dbPassword, siteId, switchKind, asterisk, grpcHost, grpcPort,
                plaintext, tlsCert, tlsKey, tlsNames, opsHost, port, afterCallWork, ringNoAnswer, seedDemoData, simTrunks,
                streamLimits);
    }

    public ServerOptions withDatabase(String url, String user, String password) {
        return new ServerOptions(dataDir, url, user, password, siteId, switchKind, asterisk, grpcHost, grpcPort,
                plaintext, tlsCert, tlsKey, tlsNames, opsHost, opsPort, afterCallWork, ringNoAnswer, seedDemoData, simTrunks,
                streamLimits);
    }

    public ServerOptions withSim(int trunks, boolean demoData) {
        return new ServerOptions(dataDir, dbUrl, dbUser, dbPassword, siteId, switchKind, asterisk, grpcHost, grpcPort,
                plaintext, tlsCert, tlsKey, tlsNames, opsHost, opsPort, afterCallWork, ringNoAnswer, demoData, trunks,
                streamLimits);
    }

    public ServerOptions withTimers(Duration acw, Duration rna) {
        return new ServerOptions(dataDir, dbUrl, dbUser, dbPassword, siteId, switchKind, asterisk, grpcHost, grpcPort,
                plaintext, tlsCert, tlsKey, tlsNames, opsHost, opsPort, acw, rna, seedDemoData, simTrunks,
                streamLimits);
    }

    /** Client stream limits (tests shorten the stall time). */
    public ServerOptions withStreamLimits(StreamHub.Limits limits) {
        return new ServerOptions(dataDir, dbUrl, dbUser, dbPassword, siteId, switchKind, asterisk, grpcHost, grpcPort,
                plaintext, tlsCert, tlsKey, tlsNames, opsHost, opsPort, afterCallWork, ringNoAnswer, seedDemoData, simTrunks,
                limits);
    }
}
