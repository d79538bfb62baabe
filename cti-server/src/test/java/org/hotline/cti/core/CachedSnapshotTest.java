package org.hotline.cti.core;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachedSnapshotTest {
    private final AtomicInteger loads = new AtomicInteger();
    private final AtomicReference<String> stored = new AtomicReference<>("v1");

    @Test
    void loadsOnceUntilInvalidated() {
        CachedSnapshot<String> cache = new CachedSnapshot<>(() -> {
            loads.incrementAndGet();
            return stored.get();
        });

        assertThat(cache.get()).isEqualTo("v1");
        stored.set("v2");
        assertThat(cache.get()).isEqualTo("v1");
        assertThat(loads).hasValue(1);

        cache.invalidate();

        assertThat(cache.get()).isEqualTo("v2");
        assertThat(cache.get()).isEqualTo("v2");
        assertThat(loads).hasValue(2);
    }

    @Test
    void aLoadThatRacedWithAChangeIsNotServedToTheNextCaller() {
        AtomicReference<CachedSnapshot<String>> self = new AtomicReference<>();
        CachedSnapshot<String> cache = new CachedSnapshot<>(() -> {
            String read = stored.get();
            if (loads.incrementAndGet() == 1) {
                // An administrator commits and invalidates while this load holds the old rows.
                stored.set("v2");
                self.get().invalidate();
            }
            return read;
        });
        self.set(cache);

        assertThat(cache.get()).isEqualTo("v1");

        assertThat(cache.get()).isEqualTo("v2");
        assertThat(loads).hasValue(2);
    }

    @Test
    void aFailedLoadCachesNothing() {
        CachedSnapshot<String> cache = new CachedSnapshot<>(() -> {
            if (loads.incrementAndGet() == 1) {
                throw new IllegalStateException("database down");
            }
            return stored.get();
        });

        assertThatThrownBy(cache::get).hasMessage("database down");

        assertThat(cache.get()).isEqualTo("v1");
    }
}
