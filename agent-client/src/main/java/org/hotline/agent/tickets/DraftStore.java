package org.hotline.agent.tickets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import org.hotline.api.v1.CreateWorkOrderRequest;
import org.hotline.api.v1.DispatchWorkOrderRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Work-order drafts as files, one per request id ({@code <request id>.json}: the Create and
 * Dispatch requests as protobuf JSON in a small envelope), written atomically so a crash leaves
 * either the old or the new draft, never half of one.
 */
public final class DraftStore {
    private static final Logger log = LoggerFactory.getLogger(DraftStore.class);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final String SUFFIX = ".json";

    private final Path dir;

    public DraftStore(Path dir) {
        this.dir = requireNonNull(dir, "dir");
    }

    static boolean validId(String requestId) {
        return requestId != null && ID.matcher(requestId).matches();
    }

    public Path directory() {
        return dir;
    }

    /** Writes (or replaces) the draft; throws when the disk refuses, so the caller can tell the agent. */
    public void write(Draft d) throws IOException {
        Files.createDirectories(dir);
        String json = "{\n\"state\": " + string(d.state().name()) + ",\n\"savedAt\": " + string(d.savedAt().toString())
                + ",\n\"problem\": " + string(d.problem()) + ",\n\"create\": " + JsonFormat.printer().print(d.create())
                + ",\n\"dispatch\": " + JsonFormat.printer().print(d.dispatch()) + "\n}\n";
        Path file = file(d.requestId());
        Path tmp = dir.resolve(d.requestId() + ".tmp");
        Files.writeString(tmp, json, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Every readable draft, oldest first; an unreadable file is logged and left where it is. */
    public List<Draft> readAll() {
        List<Draft> drafts = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return drafts;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path f : files) {
                try {
                    drafts.add(read(f));
                } catch (IOException | RuntimeException e) {
                    log.warn("work-order draft {} unreadable, left on disk: {}", f.getFileName(), e.getMessage());
                }
            }
        } catch (IOException e) {
            log.warn("work-order drafts in {} unreadable: {}", dir, e.getMessage());
        }
        drafts.sort(Comparator.comparing(Draft::savedAt));
        return drafts;
    }

    public void delete(String requestId) throws IOException {
        Files.deleteIfExists(file(requestId));
    }

    private Path file(String requestId) {
        if (!validId(requestId)) {
            throw new IllegalArgumentException("request id: \"" + requestId + "\" (expected: 1-64 letters, digits or '-')");
        }
        return dir.resolve(requestId + SUFFIX);
    }

    private static Draft read(Path f) throws IOException {
        Struct.Builder envelope = Struct.newBuilder();
        JsonFormat.parser().merge(Files.readString(f, StandardCharsets.UTF_8), envelope);
        CreateWorkOrderRequest.Builder create = CreateWorkOrderRequest.newBuilder();
        JsonFormat.parser().merge(JsonFormat.printer().print(field(envelope, "create")), create);
        DispatchWorkOrderRequest.Builder dispatch = DispatchWorkOrderRequest.newBuilder();
        JsonFormat.parser().merge(JsonFormat.printer().print(field(envelope, "dispatch")), dispatch);
        return new Draft(Draft.State.valueOf(field(envelope, "state").getStringValue()), create.build(), dispatch.build(),
                Instant.parse(field(envelope, "savedAt").getStringValue()),
                envelope.getFieldsOrDefault("problem", Value.getDefaultInstance()).getStringValue());
    }

    private static Value field(Struct.Builder s, String name) throws InvalidProtocolBufferException {
        Value v = s.getFieldsMap().get(name);
        if (v == null) {
            throw new InvalidProtocolBufferException("field " + name + " missing (expected: state, savedAt, create, dispatch)");
        }
        return v;
    }

    private static String string(String s) throws InvalidProtocolBufferException {
        return JsonFormat.printer().print(Value.newBuilder().setStringValue(s).build());
    }
}
