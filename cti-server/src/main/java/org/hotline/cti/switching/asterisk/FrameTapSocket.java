package org.hotline.cti.switching.asterisk;

import java.io.IOException;
import java.net.InetAddress;

import org.asteriskjava.util.SocketConnectionFacade;

import static java.util.Objects.requireNonNull;

/**
 * Sits between asterisk-java's reader and its socket and shows every line to the frame
 * assembler. asterisk-java drops frames it has no class for (BridgeListItem, new Asterisk
 * events) with only a debug line; reading the bytes here means the adapter sees every frame.
 */
final class FrameTapSocket implements SocketConnectionFacade {
    private final SocketConnectionFacade delegate;
    private final AmiFrameAssembler assembler;
    private boolean atFrameStart = true;

    FrameTapSocket(SocketConnectionFacade delegate, AmiFrameAssembler assembler) {
        this.delegate = requireNonNull(delegate, "delegate");
        this.assembler = requireNonNull(assembler, "assembler");
    }

    /**
     * Event frames go to the assembler only: asterisk-java never sees them, so its reader thread
     * spends no reflection on objects nobody reads. Responses (and the banner) pass through, so the
     * library still logs in, matches action ids and reconnects as before.
     */
    @Override
    public String readLine() throws IOException {
        while (true) {
            String line = readTapped();
            if (line == null) {
                return null;
            }
            if (atFrameStart && line.startsWith("Event: ")) {
                do {
                    line = readTapped();
                    if (line == null) {
                        return null;
                    }
                } while (!line.isEmpty());
                continue;
            }
            atFrameStart = line.isEmpty() || line.startsWith("Asterisk Call Manager");
            return line;
        }
    }

    private String readTapped() throws IOException {
        String line;
        try {
            line = delegate.readLine();
        } catch (IOException | RuntimeException e) {
            assembler.endOfStream();
            throw e;
        }
        if (line == null) {
            assembler.endOfStream();
        } else {
            assembler.line(line);
        }
        return line;
    }

    @Override
    public void write(String s) throws IOException {
        delegate.write(s);
    }

    @Override
    public void flush() throws IOException {
        delegate.flush();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }

    @Override
    public boolean isConnected() {
        return delegate.isConnected();
    }

    @Override
    public InetAddress getLocalAddress() {
        return delegate.getLocalAddress();
    }

    @Override
    public int getLocalPort() {
        return delegate.getLocalPort();
    }

    @Override
    public InetAddress getRemoteAddress() {
        return delegate.getRemoteAddress();
    }

    @Override
    public int getRemotePort() {
        return delegate.getRemotePort();
    }
}
