package org.hotline.cti.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(4);

    @Test
    void acceptsTheRightPasswordAndRejectsOthers() {
        String hash = hasher.hash("demo1001");

        assertThat(hasher.verify("demo1001", hash)).isTrue();
        assertThat(hasher.verify("demo1002", hash)).isFalse();
        assertThat(hasher.verify("Demo1001", hash)).isFalse();
    }

    @Test
    void saltsEveryHashDifferently() {
        assertThat(hasher.hash("same")).isNotEqualTo(hasher.hash("same"));
    }

    @Test
    void storesTheCostInTheHash() {
        assertThat(hasher.hash("pw", 5)).startsWith("$2y$05$");
        assertThat(new PasswordHasher().hash("pw")).startsWith("$2y$10$").hasSize(60);
    }

    @Test
    void checksHashesMadeWithAnotherCost() {
        String hash = new PasswordHasher(6).hash("密碼-password");

        assertThat(hasher.verify("密碼-password", hash)).isTrue();
    }

    @Test
    void neverMatchesAMissingOrMalformedHash() {
        assertThat(hasher.verify("pw", "")).isFalse();
        assertThat(hasher.verify("pw", null)).isFalse();
        assertThat(hasher.verify("pw", "not-a-bcrypt-hash")).isFalse();
        assertThat(hasher.verify("", hasher.hash("pw"))).isFalse();
    }

    @Test
    void rejectsCostsOutsideBcryptsRange() {
        assertThatThrownBy(() -> hasher.hash("pw", 3)).hasMessage("bcrypt cost: 3 (expected: 4-30)");
        assertThatThrownBy(() -> new PasswordHasher(31)).hasMessage("bcrypt cost: 31 (expected: 4-30)");
    }

    @Test
    void rejectsPasswordsBcryptWouldTruncate() {
        assertThatThrownBy(() -> hasher.hash("x".repeat(73)))
                .hasMessage("password: 73 bytes in UTF-8 (expected: at most 72)");
        assertThat(hasher.verify("x".repeat(73), hasher.hash("x".repeat(72)))).isFalse();
    }
}
