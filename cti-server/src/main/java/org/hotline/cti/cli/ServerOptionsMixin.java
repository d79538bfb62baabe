package org.hotline.cti.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.hotline.cti.server.ServerOptions;
import picocli.CommandLine.Option;

/** The server's options, each also settable by an environment variable. */
final class ServerOptionsMixin {
    @Option(names = "--data-dir", defaultValue = "${env:HOTLINE_DATA:-data}",
            description = "Folder for the embedded database, journal, recordings and TLS files (env HOTLINE_DATA; default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--db-url", defaultValue = "${env:HOTLINE_DB_URL:-}",
            description = "JDBC URL of MySQL 8 / MariaDB 10.6+, e.g. jdbc:mysql://db:3306/hotline (env HOTLINE_DB_URL; default: embedded H2).")
    String dbUrl;

    @Option(names = "--db-user", defaultValue = "${env:HOTLINE_DB_USER:-}", description = "Database user (env HOTLINE_DB_USER).")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "${env:HOTLINE_DB_PASSWORD:-}", description = "Database password (env HOTLINE_DB_PASSWORD).")
    String dbPassword;

    @Option(names = "--site", defaultValue = "${env:HOTLINE_SITE:-main}", description = "Site id of this CTI server (env HOTLINE_SITE; default: ${DEFAULT-VALUE}).")
    String site;

    @Option(names = "--switch", defaultValue = "${env:HOTLINE_SWITCH:-sim}", description = "sim or asterisk (env HOTLINE_SWITCH; default: ${DEFAULT-VALUE}).")
    String switchKind;

    @Option(names = "--ami-host", defaultValue = "${env:HOTLINE_AMI_HOST:-127.0.0.1}", description = "Asterisk AMI host (default: ${DEFAULT-VALUE}).")
    String amiHost;

    @Option(names = "--ami-port", defaultValue = "${env:HOTLINE_AMI_PORT:-5038}", description = "Asterisk AMI port (default: ${DEFAULT-VALUE}).")
    int amiPort;

    @Option(names = "--ami-user", defaultValue = "${env:HOTLINE_AMI_USER:-hotline}", description = "AMI user (default: ${DEFAULT-VALUE}).")
    String amiUser;

    @Option(names = "--ami-secret", defaultValue = "${env:HOTLINE_AMI_SECRET:-}", description = "AMI secret (env HOTLINE_AMI_SECRET).")
    String amiSecret;

    @Option(names = "--agi-port", defaultValue = "${env:HOTLINE_AGI_PORT:-4573}", description = "FastAGI port to serve (default: ${DEFAULT-VALUE}).")
    int agiPort;

    @Option(names = "--grpc-host", defaultValue = "${env:HOTLINE_GRPC_HOST:-0.0.0.0}", description = "Address the gRPC API listens on (default: ${DEFAULT-VALUE}).")
    String grpcHost;

    @Option(names = "--grpc-port", defaultValue = "${env:HOTLINE_GRPC_PORT:-7443}", description = "gRPC API port (default: ${DEFAULT-VALUE}).")
    int grpcPort;

    @Option(names = "--plaintext", defaultValue = "${env:HOTLINE_PLAINTEXT:-false}", description = "Serve gRPC without TLS (trusted networks only).")
    boolean plaintext;

    @Option(names = "--tls-cert", description = "Certificate (PEM) to use instead of the self-signed one.")
    Path tlsCert;

    @Option(names = "--tls-key", description = "Private key (PKCS#8 PEM) of --tls-cert.")
    Path tlsKey;

    @Option(names = "--tls-name", description = "Extra host name or address for the self-signed certificate (repeatable).")
    List<String> tlsNames = new ArrayList<>();

    @Option(names = "--ops-host", defaultValue = "${env:HOTLINE_OPS_HOST:-127.0.0.1}", description = "Address of /metrics and /health (default: ${DEFAULT-VALUE}).")
    String opsHost;

    @Option(names = "--ops-port", defaultValue = "${env:HOTLINE_OPS_PORT:-9464}", description = "Port of /metrics and /health (default: ${DEFAULT-VALUE}).")
    int opsPort;

    @Option(names = "--after-call-work", defaultValue = "${env:HOTLINE_ACW_SECONDS:-30}", description = "After-call work seconds before Ready (default: ${DEFAULT-VALUE}).")
    int acwSeconds;

    @Option(names = "--ring-no-answer", defaultValue = "${env:HOTLINE_RNA_SECONDS:-15}", description = "Seconds a routed call rings before it goes back to the queue (default: ${DEFAULT-VALUE}).")
    int rnaSeconds;

    @Option(names = "--sim-trunks", defaultValue = "${env:HOTLINE_SIM_TRUNKS:-120}", description = "Outside lines of the simulated switch (default: ${DEFAULT-VALUE}).")
    int simTrunks;

    @Option(names = "--no-demo-data", description = "Do not create the demo agents and queues on an empty database.")
    boolean noDemoData;

    ServerOptions toOptions() {
        return new ServerOptions(dataDir, dbUrl, dbUser, dbPassword, site, switchKind,
                new ServerOptions.AsteriskOptions(amiHost, amiPort, amiUser, amiSecret, agiPort), grpcHost, grpcPort,
                plaintext, tlsCert, tlsKey, tlsNames, opsHost, opsPort, Duration.ofSeconds(acwSeconds),
                Duration.ofSeconds(rnaSeconds), !noDemoData, simTrunks, null);
    }
}
