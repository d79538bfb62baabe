package org.hotline.cti.security;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.util.IPAddress;

/**
 * The names a generated server certificate lists as SubjectAltNames: the loopback names, this
 * machine's host name and whatever the operator adds (the name or address desks dial).
 *
 * <p>Clients pin the fingerprint and do not check names, but listing them keeps the certificate
 * usable by ordinary TLS tools ({@code grpcurl}, {@code openssl s_client -verify_hostname}).
 */
public final class ServerNames {

    /** Always listed, so a desk on the server machine itself works whatever it dials. */
    public static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "::1");

    // RFC 1123 labels; '_' is tolerated because Windows machine names may carry it; "*." for
    // wildcard names an operator may add.
    private static final Pattern DNS_NAME = Pattern.compile(
            "(\\*\\.)?[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(\\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*");
    private static final int MAX_DNS_NAME_LENGTH = 253;

    private ServerNames() {}

    /**
     * The loopback names, {@code hostName} when present and valid, then {@code extraNames}; in
     * that order, duplicates (ignoring case) dropped.
     *
     * @throws IllegalArgumentException when one of {@code extraNames} is neither a host name nor an
     *     IP address
     */
    public static List<String> standard(Optional<String> hostName, Collection<String> extraNames) {
        requireNonNull(hostName, "hostName");
        requireNonNull(extraNames, "extraNames");
        Set<String> seen = new LinkedHashSet<>();
        List<String> names = new ArrayList<>();
        for (String name : LOOPBACK) {
            add(name, seen, names);
        }
        // The machine's own name is best effort: a name the OS allows but DNS does not must not
        // stop the server from starting.
        hostName.map(String::strip).filter(ServerNames::isValid).ifPresent(name -> add(name, seen, names));
        for (String extra : extraNames) {
            requireNonNull(extra, "extraNames element");
            String name = extra.strip();
            if (!isValid(name)) {
                throw new IllegalArgumentException("TLS server name: '" + extra
                        + "' (expected: a host name such as cti.example.org or an IP address such as 10.0.0.5)");
            }
            add(name, seen, names);
        }
        return List.copyOf(names);
    }

    /** {@link #standard} with this machine's host name, as the OS reports it. */
    public static List<String> forThisHost(Collection<String> extraNames) {
        return standard(localHostName(), extraNames);
    }

    /** This machine's host name, or empty when the OS cannot tell. */
    public static Optional<String> localHostName() {
        try {
            return Optional.of(InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** True for an IPv4 or IPv6 literal, which goes into the certificate as an IP address entry. */
    public static boolean isIpAddress(String name) {
        return IPAddress.isValid(name);
    }

    static boolean isValid(String name) {
        return isIpAddress(name)
                || (name.length() <= MAX_DNS_NAME_LENGTH && DNS_NAME.matcher(name).matches());
    }

    private static void add(String name, Set<String> seen, List<String> names) {
        if (seen.add(name.toLowerCase(Locale.ROOT))) {
            names.add(name);
        }
    }
}
