package org.hotline.cti.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's append-only journal on local disk: numbered segment files of entries
 * {@code [int length][int crc32][payload]}, and a checkpoint file saying up to where the
 * database has everything. On open, entries past the checkpoint are counted, a torn or corrupt
 * tail (a crash in the middle of a write) is cut off with a warning, and segments wholly before
 * the checkpoint are deleted.
 *
 * <p>Threading: {@link #append} is called by the journal writer thread only; {@link #read} and
 * {@link #advanceCheckpoint} by the delivery thread only. They meet at the durable end, which
 * the outbox publishes after {@code append} returns: the reader never looks beyond it.
 */
final class Journal implements AutoCloseable {
    static final int HEADER_BYTES = 8;
    static final int MAX_ENTRY_BYTES = 1 << 20;

    private static final Logger log = LoggerFactory.getLogger(Journal.class);
    private static final Pattern SEGMENT_NAME = Pattern.compile("journal-(\\d{16})\\.log");
    private static final String CHECKPOINT = "checkpoint";

    private final Path directory;
    private final long segmentBytes;

    // writer side
    private long activeSegment;
    private FileChannel activeChannel;
    private long activeEnd;

    // reader side
    private long readSegment = -1;
    private FileChannel readChannel;

    private final JournalPosition openedCheckpoint;
    private final long backlog;

    private final FileChannel lockChannel;

    private Journal(Path directory, long segmentBytes, JournalPosition checkpoint, long backlog, long activeSegment,
                    FileChannel activeChannel, long activeEnd, FileChannel lockChannel) {
        this.lockChannel = lockChannel;
        this.directory = directory;
        this.segmentBytes = segmentBytes;
        this.openedCheckpoint = checkpoint;
        this.backlog = backlog;
        this.activeSegment = activeSegment;
        this.activeChannel = activeChannel;
        this.activeEnd = activeEnd;
    }

    /** Opens (or creates) the journal in {@code directory}, repairing a torn tail. */
    static Journal open(Path directory, long segmentBytes) throws IOException {
        Files.createDirectories(directory);
        // Two servers appending to one journal would interleave entries: one owner per folder.
        FileChannel lockChannel = FileChannel.open(directory.resolve("lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        boolean locked = false;
        try {
            locked = lockChannel.tryLock() != null;
        } catch (OverlappingFileLockException sameProcess) {
            // another outbox of this process holds it
        }
        if (!locked) {
            lockChannel.close();
            throw new IOException("in use by another outbox (expected: one server per data folder)");
        }
        try {
            return openLocked(directory, segmentBytes, lockChannel);
        } catch (IOException | RuntimeException e) {
            lockChannel.close();
            throw e;
        }
    }

    private static Journal openLocked(Path directory, long segmentBytes, FileChannel lockChannel) throws IOException {
        JournalPosition saved = loadCheckpoint(directory);
        List<Long> segments = segments(directory);
        JournalPosition checkpoint = saved != null ? saved
                : new JournalPosition(segments.isEmpty() ? 1 : segments.get(0), 0);
        if (saved != null && !holds(directory, saved)) {
            // Journal files were removed or cut behind our back: what the checkpoint passed is in
            // the database; carry on from the next segment that is still there.
            long next = segments.stream().filter(s -> s > saved.segment()).findFirst().orElse(saved.segment() + 1);
            log.warn("outbox checkpoint {} points past the journal on disk; continuing at segment {}", saved, next);
            checkpoint = new JournalPosition(next, 0);
        }
        for (long segment : segments) {
            if (segment < checkpoint.segment()) {
                Files.deleteIfExists(segmentPath(directory, segment));
            }
        }
        JournalPosition from = checkpoint;
        segments = segments.stream().filter(s -> s >= from.segment()).toList();
        long backlog = 0;
        for (long segment : segments) {
            long start = segment == checkpoint.segment() ? checkpoint.offset() : 0;
            backlog += scanAndRepair(directory, segment, start);
        }
        long active = segments.isEmpty() ? Math.max(1, checkpoint.segment()) : segments.get(segments.size() - 1);
        Path activePath = segmentPath(directory, active);
        boolean created = !Files.exists(activePath);
        FileChannel channel = FileChannel.open(activePath, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ);
        if (created) {
            forceDirectory(directory);
        }
        return new Journal(directory, segmentBytes, checkpoint, backlog, active, channel, channel.size(), lockChannel);
    }

    /** Where delivery stood when the journal was opened. */
    JournalPosition checkpoint() {
        return openedCheckpoint;
    }

    /** Entries past the checkpoint when the journal was opened. */
    long backlog() {
        return backlog;
    }

    /** The end of the forced data: everything before it survives a crash. */
    JournalPosition end() {
        return new JournalPosition(activeSegment, activeEnd);
    }

    /**
     * Writes the payloads and forces them to disk (one force for the whole group). A failed
     * attempt can be repeated: it writes at the same place again.
     */
    JournalPosition append(List<byte[]> payloads) throws IOException {
        if (activeEnd >= segmentBytes) {
            rotate();
        }
        int total = 0;
        for (byte[] payload : payloads) {
            if (payload.length > MAX_ENTRY_BYTES) {
                throw new IllegalArgumentException("journal entry: " + payload.length + " bytes (expected: at most "
                        + MAX_ENTRY_BYTES + ")");
            }
            total += HEADER_BYTES + payload.length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(total);
        payloads.forEach(payload -> putEntry(buffer, payload));
        buffer.flip();
        long position = activeEnd;
        while (buffer.hasRemaining()) {
            position += activeChannel.write(buffer, position);
        }
        activeChannel.force(false);
        activeEnd = position;
        return end();
    }

    /** Up to {@code max} entries from {@code from}, never past {@code end}. */
    Batch read(JournalPosition from, JournalPosition end, int max) throws IOException {
        List<byte[]> payloads = new ArrayList<>();
        long segment = from.segment();
        long offset = from.offset();
        while (payloads.size() < max && segment <= end.segment()) {
            FileChannel channel = reader(segment);
            long limit = segment < end.segment() ? channel.size() : end.offset();
            if (offset >= limit) {
                if (segment < end.segment()) {
                    segment++;
                    offset = 0;
                    continue;
                }
                break;
            }
            Entry entry = readEntry(channel, offset, limit);
            if (entry.problem() != null) {
                // Only a damaged disk gets here: open() already cut torn tails.
                log.error("outbox journal {} is corrupt at offset {} ({}); skipping the rest of the segment",
                        segmentPath(directory, segment).getFileName(), offset, entry.problem());
                offset = limit;
                continue;
            }
            payloads.add(entry.payload());
            offset += HEADER_BYTES + entry.payload().length;
        }
        return new Batch(payloads, new JournalPosition(segment, offset));
    }

    /** Records that the database has everything before {@code position}; deletes finished segments. */
    void advanceCheckpoint(JournalPosition position) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(20);
        bytes.putLong(position.segment()).putLong(position.offset());
        bytes.putInt(crc(bytes.array(), 16));
        Path temp = directory.resolve(CHECKPOINT + ".tmp");
        // Not forced: a checkpoint lost in a power cut only means records are replayed, and
        // replay is idempotent (record_id).
        Files.write(temp, bytes.array());
        try {
            Files.move(temp, directory.resolve(CHECKPOINT), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, directory.resolve(CHECKPOINT), StandardCopyOption.REPLACE_EXISTING);
        }
        if (readSegment >= 0 && readSegment < position.segment()) {
            closeReader();
        }
        for (long segment : segments(directory)) {
            if (segment < position.segment()) {
                Files.deleteIfExists(segmentPath(directory, segment));
            }
        }
    }

    /** Appends an entry the database refused to a side file, for an operator to look at. */
    void setAside(byte[] payload) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + payload.length);
        putEntry(buffer, payload);
        buffer.flip();
        try (FileChannel channel = FileChannel.open(rejectedPath(), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        }
    }

    Path rejectedPath() {
        return directory.resolve("rejected.log");
    }

    @Override
    public void close() {
        closeQuietly(activeChannel);
        closeReader();
        closeQuietly(lockChannel);
    }

    /** Entries read from the journal and the position after the last of them. */
    record Batch(List<byte[]> payloads, JournalPosition next) {}

    /** An entry's payload, or why no whole entry starts at that place. */
    private record Entry(byte[] payload, String problem) {
        static Entry broken(String problem) {
            return new Entry(null, problem);
        }
    }

    private static void putEntry(ByteBuffer buffer, byte[] payload) {
        buffer.putInt(payload.length).putInt(crc(payload)).put(payload);
    }

    /** The entry at {@code offset}, which must end by {@code limit}. */
    private static Entry readEntry(FileChannel channel, long offset, long limit) throws IOException {
        if (offset + HEADER_BYTES > limit) {
            return Entry.broken("header cut short");
        }
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        readFully(channel, header, offset);
        header.flip();
        int length = header.getInt();
        int expectedCrc = header.getInt();
        if (length <= 0 || length > MAX_ENTRY_BYTES) {
            return Entry.broken("entry length " + length);
        }
        if (offset + HEADER_BYTES + length > limit) {
            return Entry.broken("entry cut short");
        }
        byte[] payload = new byte[length];
        readFully(channel, ByteBuffer.wrap(payload), offset + HEADER_BYTES);
        if (crc(payload) != expectedCrc) {
            return Entry.broken("checksum mismatch");
        }
        return new Entry(payload, null);
    }

    private static int crc(byte[] bytes) {
        return crc(bytes, bytes.length);
    }

    private static int crc(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }

    private void rotate() throws IOException {
        activeChannel.force(false);
        activeChannel.close();
        activeSegment++;
        activeChannel = FileChannel.open(segmentPath(directory, activeSegment), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.READ);
        activeEnd = activeChannel.size();
        forceDirectory(directory);
    }

    private FileChannel reader(long segment) throws IOException {
        if (segment != readSegment) {
            closeReader();
            readChannel = FileChannel.open(segmentPath(directory, segment), StandardOpenOption.READ);
            readSegment = segment;
        }
        return readChannel;
    }

    private void closeReader() {
        closeQuietly(readChannel);
        readChannel = null;
        readSegment = -1;
    }

    /** Counts the whole entries from {@code start}; cuts the file after the last one. */
    private static long scanAndRepair(Path directory, long segment, long start) throws IOException {
        Path path = segmentPath(directory, segment);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            long offset = Math.min(start, size);
            long count = 0;
            String problem = null;
            while (offset < size) {
                Entry entry = readEntry(channel, offset, size);
                if (entry.problem() != null) {
                    problem = entry.problem();
                    break;
                }
                offset += HEADER_BYTES + entry.payload().length;
                count++;
            }
            if (problem != null) {
                log.warn("outbox journal {}: torn tail at offset {} ({}), {} bytes skipped; records after it were never acknowledged",
                        path.getFileName(), offset, problem, size - offset);
                channel.truncate(offset);
                channel.force(true);
            }
            return count;
        }
    }

    /** True when the segment of {@code position} exists and reaches that far. */
    private static boolean holds(Path directory, JournalPosition position) throws IOException {
        Path file = segmentPath(directory, position.segment());
        return Files.exists(file) && Files.size(file) >= position.offset();
    }

    private static JournalPosition loadCheckpoint(Path directory) throws IOException {
        Path file = directory.resolve(CHECKPOINT);
        if (!Files.exists(file)) {
            return null;
        }
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length == 20) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            long segment = buffer.getLong();
            long offset = buffer.getLong();
            if (crc(bytes, 16) == buffer.getInt() && segment >= 1 && offset >= 0) {
                return new JournalPosition(segment, offset);
            }
        }
        log.warn("outbox checkpoint {} is unreadable; replaying the whole journal (the database ignores records it has)",
                file.getFileName());
        return null;
    }

    private static List<Long> segments(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> SEGMENT_NAME.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(m -> Long.parseLong(m.group(1)))
                    .sorted()
                    .toList();
        }
    }

    static Path segmentPath(Path directory, long segment) {
        return directory.resolve(String.format("journal-%016d.log", segment));
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw new IOException("journal ended at " + at + " while reading " + buffer.remaining() + " more bytes");
            }
            at += read;
        }
    }

    /** Makes a new segment's directory entry durable too; not every file system allows it. */
    private static void forceDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | RuntimeException e) {
            log.debug("cannot force directory {}: {}", directory, e.toString());
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            log.debug("closing journal channel: {}", e.toString());
        }
    }
}
