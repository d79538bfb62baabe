package org.hotline.agent.connection;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerAddressTest {
    @Test
    void parsesHostPortAndDefaults() {
        assertThat(ServerAddress.parse("cti.gas.local")).isEqualTo(new ServerAddress("cti.gas.local", 7443));
        assertThat(ServerAddress.parse(" 10.1.2.3:9000 ")).isEqualTo(new ServerAddress("10.1.2.3", 9000));
        assertThat(ServerAddress.parse("[fe80::1]:7000")).isEqualTo(new ServerAddress("fe80::1", 7000));
        assertThat(ServerAddress.parse("fe80::1")).isEqualTo(new ServerAddress("fe80::1", 7443));
        assertThat(new ServerAddress("fe80::1", 7000)).hasToString("[fe80::1]:7000");
    }

    @Test
    void refusesWhatIsNoAddress() {
        assertThatThrownBy(() -> ServerAddress.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> ServerAddress.parse("host:port")).hasMessageContaining("'port'");
        assertThatThrownBy(() -> ServerAddress.parse("host:70000")).hasMessageContaining("1..65535");
    }

    @Test
    void backoffGrowsToItsCapWithJitterAndResets() {
        Backoff b = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(15), () -> 1.0);
        assertThat(b.next()).isEqualTo(Duration.ofMillis(500));
        assertThat(b.next()).isEqualTo(Duration.ofMillis(1000));
        assertThat(b.next()).isEqualTo(Duration.ofMillis(2000));
        for (int i = 0; i < 30; i++) {
            assertThat(b.next()).isLessThanOrEqualTo(Duration.ofSeconds(15));
        }
        b.reset();
        assertThat(b.next()).isEqualTo(Duration.ofMillis(500));
        Backoff low = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(15), () -> 0.0);
        assertThat(low.next()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void fingerprintsReadTheServersLogFormat() {
        String logged = "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";
        assertThat(Fingerprint.parse(logged.toLowerCase().replace(":", ""))).isEqualTo(Fingerprint.parse(logged))
                .hasToString(logged);
        assertThatThrownBy(() -> Fingerprint.parse("AB:CD")).hasMessageContaining("32 hexadecimal bytes");
    }
}
