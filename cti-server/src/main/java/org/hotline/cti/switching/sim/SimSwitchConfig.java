package org.hotline.cti.switching.sim;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * How the simulated PBX is dimensioned.
 *
 * @param trunks               outside lines; every party named {@code tel:...} holds one while it is in a call
 * @param extensions           which device names are phones of this PBX (agents and supervisors)
 * @param recordingFolder      where a WAV file per answered call is written
 * @param recordEveryCall      record each call when it is first answered (as a hotline must);
 *                             off for load runs that do not want one file per call
 * @param pstnAnswerDelay      how long an outside number rings before the fake PSTN answers
 * @param announcementDuration how long a recorded announcement plays
 * @param pstn                 whether an outside number answers, is busy or never answers
 */
public record SimSwitchConfig(int trunks, Pattern extensions, Path recordingFolder, boolean recordEveryCall,
                              Duration pstnAnswerDelay, Duration announcementDuration, FakePstn pstn) {

    /** Four-digit extensions starting with 1 ("1001", "1099"), as in the lab dialplan. */
    public static final Pattern DEFAULT_EXTENSIONS = Pattern.compile("1\\d{3}");

    public SimSwitchConfig {
        if (trunks < 0) {
            throw new IllegalArgumentException("trunks: " + trunks + " (expected: >= 0)");
        }
        requireNonNull(extensions, "extensions");
        requireNonNull(recordingFolder, "recordingFolder");
        requireNonNull(pstnAnswerDelay, "pstnAnswerDelay");
        requireNonNull(announcementDuration, "announcementDuration");
        requireNonNull(pstn, "pstn");
        if (pstnAnswerDelay.isNegative()) {
            throw new IllegalArgumentException("pstnAnswerDelay: " + pstnAnswerDelay + " (expected: >= 0)");
        }
        if (announcementDuration.isNegative()) {
            throw new IllegalArgumentException("announcementDuration: " + announcementDuration + " (expected: >= 0)");
        }
    }

    /** Every outside number answers. */
    public SimSwitchConfig(int trunks, Pattern extensions, Path recordingFolder, boolean recordEveryCall,
                           Duration pstnAnswerDelay, Duration announcementDuration) {
        this(trunks, extensions, recordingFolder, recordEveryCall, pstnAnswerDelay, announcementDuration,
                FakePstn.answering());
    }

    /** 120 trunks (four E1 spans), extensions 1000-1999, outside numbers answer after 2 s, 8 s announcements. */
    public static SimSwitchConfig defaults(Path recordingFolder) {
        return new SimSwitchConfig(120, DEFAULT_EXTENSIONS, recordingFolder, true, Duration.ofSeconds(2),
                Duration.ofSeconds(8));
    }

    /** A pattern that accepts exactly the given extensions. */
    public static Pattern exactly(Collection<String> extensions) {
        if (extensions.isEmpty()) {
            throw new IllegalArgumentException("extensions: [] (expected: at least one)");
        }
        return Pattern.compile(extensions.stream().map(Pattern::quote).collect(Collectors.joining("|")));
    }

    public SimSwitchConfig withTrunks(int count) {
        return new SimSwitchConfig(count, extensions, recordingFolder, recordEveryCall, pstnAnswerDelay,
                announcementDuration, pstn);
    }

    public SimSwitchConfig withExtensions(Pattern pattern) {
        return new SimSwitchConfig(trunks, pattern, recordingFolder, recordEveryCall, pstnAnswerDelay,
                announcementDuration, pstn);
    }

    public SimSwitchConfig withRecordEveryCall(boolean on) {
        return new SimSwitchConfig(trunks, extensions, recordingFolder, on, pstnAnswerDelay, announcementDuration,
                pstn);
    }

    public SimSwitchConfig withPstn(FakePstn network) {
        return new SimSwitchConfig(trunks, extensions, recordingFolder, recordEveryCall, pstnAnswerDelay,
                announcementDuration, network);
    }

    boolean isExtension(String device) {
        return extensions.matcher(device).matches();
    }
}
