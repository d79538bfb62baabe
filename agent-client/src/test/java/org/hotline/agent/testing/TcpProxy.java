package org.hotline.agent.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP forwarder between a desk and the server that a test can cut (every connection
 * dropped, new ones refused) and restore: the network cable pulled and plugged back.
 */
public final class TcpProxy implements AutoCloseable {
    private final int targetPort;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;
    private volatile boolean closed;

    public TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.port = s.getLocalPort();
        listen(s);
    }

    public int port() {
        return port;
    }

    private void listen(ServerSocket s) {
        listener = s;
        Thread t = new Thread(() -> {
            while (!s.isClosed()) {
                try {
                    Socket client = s.accept();
                    Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    open.add(client);
                    open.add(server);
                    pump(client, server);
                    pump(server, client);
                } catch (IOException e) {
                    return;
                }
            }
        }, "proxy-accept");
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
                }
            } catch (IOException e) {
                // the other side or cut(): end both
            } finally {
                quietClose(from);
                quietClose(to);
            }
        }, "proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    /** Drops every connection and refuses new ones until {@link #restore()}. */
    public void cut() throws IOException {
        listener.close();
        open.forEach(TcpProxy::quietClose);
        open.clear();
    }

    /** Accepts connections again on the same port. */
    public void restore() throws IOException {
        if (closed) {
            throw new IllegalStateException("proxy closed");
        }
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        listen(s);
    }

    private static void quietClose(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        cut();
    }
}
