package org.hotline.agent.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static java.util.Objects.requireNonNull;

/**
 * A TCP forwarder on loopback between a client and a server, for tests that pull the network:
 * {@link #cut()} closes every open connection and refuses new ones (like an unplugged cable
 * followed by a router that rejects), {@link #restore()} listens again on the same port.
 */
public final class TcpProxy implements AutoCloseable {
    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile ServerSocket listener;

    public TcpProxy(InetSocketAddress target) throws IOException {
        this.target = requireNonNull(target, "target");
        this.listener = listen(0);
        this.port = listener.getLocalPort();
        acceptLoop(listener);
    }

    public int port() {
        return port;
    }

    /** Connections accepted since the start (a reconnecting client adds one each time). */
    public int accepted() {
        return accepted.get();
    }

    public boolean isCut() {
        return listener == null;
    }

    /** Drops every connection at once and refuses new ones until {@link #restore()}. */
    public synchronized void cut() throws IOException {
        ServerSocket l = listener;
        listener = null;
        if (l != null) {
            l.close();
        }
        for (Socket s : open) {
            closeQuietly(s);
        }
        open.clear();
    }

    /** Accepts connections again on the same port. */
    public synchronized void restore() throws IOException {
        if (listener == null) {
            listener = listen(port);
            acceptLoop(listener);
        }
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return s;
    }

    private void acceptLoop(ServerSocket l) {
        Thread t = new Thread(() -> {
            while (!l.isClosed()) {
                try {
                    Socket client = l.accept();
                    accepted.incrementAndGet();
                    Socket server = new Socket();
                    try {
                        server.connect(target, 2000);
                    } catch (IOException e) {
                        closeQuietly(client);
                        continue;
                    }
                    open.add(client);
                    open.add(server);
                    if (listener != l) {
                        // cut while connecting: this connection must not live on
                        closeQuietly(client);
                        closeQuietly(server);
                        continue;
                    }
                    pump(client, server);
                    pump(server, client);
                } catch (IOException e) {
                    // the listener was closed by cut() or close(); a failed upstream connect drops that client
                }
            }
        }, "tcp-proxy-accept-" + port);
        t.setDaemon(true);
        t.start();
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (SocketException e) {
                // closed by cut() or by the other side
            } catch (IOException e) {
                // same: the pair is torn down below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "tcp-proxy-pump-" + port);
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing left to do with a socket that will not close
        }
    }

    @Override
    public void close() throws IOException {
        cut();
    }
}
