package org.hotline.supervisor.wallboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WallboardSettingsTest {
    @TempDir
    Path dir;

    @Test
    void aMissingFileMeansEveryTileWithTheDefaultThresholds() {
        WallboardSettings s = WallboardSettings.load(dir.resolve("wallboard.properties"));

        assertThat(s.tiles()).containsExactly(Tile.values());
        assertThat(s.columns()).isEqualTo(4);
        assertThat(s.thresholds().get(Tile.LONGEST_WAIT)).isEqualTo(new Threshold(Tile.Direction.HIGHER_IS_WORSE, 30, 60));
        assertThat(s.thresholds().get(Tile.SERVICE_LEVEL)).isEqualTo(new Threshold(Tile.Direction.LOWER_IS_WORSE, 80, 70));
        assertThat(s.chartRefresh()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.workOrderRefresh()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void theFileChoosesTilesTheirOrderAndThresholds() throws IOException {
        Path f = write("""
                tiles = service_level, longest_wait, calls_chart
                columns = 2
                longest_wait.warning = 20
                longest_wait.alarm = 45
                charts.refresh_minutes = 2
                """);

        WallboardSettings s = WallboardSettings.load(f);

        assertThat(s.tiles()).containsExactly(Tile.SERVICE_LEVEL, Tile.LONGEST_WAIT, Tile.CALLS_CHART);
        assertThat(s.tiles(Tile.Kind.NUMBER)).containsExactly(Tile.SERVICE_LEVEL, Tile.LONGEST_WAIT);
        assertThat(s.shows(Tile.BULLETINS)).isFalse();
        assertThat(s.columns()).isEqualTo(2);
        assertThat(s.thresholds().get(Tile.LONGEST_WAIT).level(44)).isEqualTo(Level.WARNING);
        assertThat(s.thresholds().get(Tile.LONGEST_WAIT).level(45)).isEqualTo(Level.ALARM);
        assertThat(s.chartRefresh()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void badValuesNameTheKeyAndWhatIsExpected() throws IOException {
        assertThatThrownBy(() -> WallboardSettings.load(write("tiles = calls_waiting, queue_length\n")))
                .hasMessageContaining("tiles: unknown tile queue_length (expected one of [calls_waiting");
        assertThatThrownBy(() -> WallboardSettings.load(write("service_level.warning = 70\nservice_level.alarm = 80\n")))
                .hasMessageContaining("service_level: alarm 80 and warning 70 (expected: alarm <= warning)");
        assertThatThrownBy(() -> WallboardSettings.load(write("longest_wait.alarm = soon\n")))
                .hasMessageContaining("longest_wait.alarm: soon (expected: a number >= 0)");
        assertThatThrownBy(() -> WallboardSettings.load(write("longest_wait.red = 5\n")))
                .hasMessageContaining("unknown key longest_wait.red");
        assertThatThrownBy(() -> WallboardSettings.load(write("columns = 0\n"))).hasMessageContaining("columns: 0 (expected: 1 to 8)");
    }

    private Path write(String text) throws IOException {
        Path f = dir.resolve("wallboard.properties");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }
}
