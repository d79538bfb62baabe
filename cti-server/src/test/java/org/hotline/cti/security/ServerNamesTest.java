package org.hotline.cti.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerNamesTest {

    @Test
    void listsLoopbackThenHostThenConfiguredNames() {
        assertThat(ServerNames.standard(Optional.of("cti-host"), List.of("cti.example.org", "10.0.0.5", "fd00::5")))
                .containsExactly("localhost", "127.0.0.1", "::1", "cti-host", "cti.example.org", "10.0.0.5", "fd00::5");
    }

    @Test
    void dropsDuplicatesIgnoringCase() {
        assertThat(ServerNames.standard(Optional.of("LOCALHOST"), List.of("Cti.Example.org", "cti.example.org ")))
                .containsExactly("localhost", "127.0.0.1", "::1", "Cti.Example.org");
    }

    @Test
    void skipsAMachineNameThatCannotGoIntoACertificate() {
        assertThat(ServerNames.standard(Optional.of("bad name!"), List.of())).isEqualTo(ServerNames.LOOPBACK);
    }

    @Test
    void acceptsWindowsMachineNamesAndWildcards() {
        assertThat(ServerNames.standard(Optional.of("DESK_07"), List.of("*.cti.example.org")))
                .endsWith("DESK_07", "*.cti.example.org");
    }

    @Test
    void rejectsAConfiguredNameThatIsNeitherHostNorAddressAndSaysWhatIsExpected() {
        assertThatThrownBy(() -> ServerNames.standard(Optional.empty(), List.of("https://cti.example.org")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'https://cti.example.org'")
                .hasMessageContaining("expected: a host name");
        assertThatThrownBy(() -> ServerNames.standard(Optional.empty(), List.of("")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tellsAddressesFromNames() {
        assertThat(ServerNames.isIpAddress("10.0.0.5")).isTrue();
        assertThat(ServerNames.isIpAddress("::1")).isTrue();
        assertThat(ServerNames.isIpAddress("cti.example.org")).isFalse();
    }
}
