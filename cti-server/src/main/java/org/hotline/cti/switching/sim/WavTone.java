package org.hotline.cti.switching.sim;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A short telephone-quality WAV file (RIFF, PCM, 16 bit, 8 kHz, mono) holding a sine tone. The
 * simulated PBX has no audio, but playback, download and retention need real files.
 */
final class WavTone {
    static final int SAMPLE_RATE = 8000;
    private static final int HEADER_BYTES = 44;

    private WavTone() {}

    /** {@code millis} of a {@code hertz} tone at half volume. */
    static byte[] of(int millis, double hertz) {
        int samples = SAMPLE_RATE * millis / 1000;
        int dataBytes = samples * 2;
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataBytes);
        b.put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1)            // PCM
                .putShort((short) 1)            // mono
                .putInt(SAMPLE_RATE)
                .putInt(SAMPLE_RATE * 2)        // byte rate
                .putShort((short) 2)            // block align
                .putShort((short) 16);          // bits per sample
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes);
        for (int i = 0; i < samples; i++) {
            b.putShort((short) Math.round(Math.sin(2 * Math.PI * hertz * i / SAMPLE_RATE) * Short.MAX_VALUE / 2));
        }
        return b.array();
    }
}
