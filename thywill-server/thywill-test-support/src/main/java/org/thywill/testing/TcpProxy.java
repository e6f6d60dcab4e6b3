package org.thywill.testing;

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
 * A TCP proxy on 127.0.0.1, to play a network outage without stopping the server behind it (a Redis other tests
 * share, or a Thywill server a browser talks to): {@link #cut()} drops every connection and refuses new ones, as a
 * stopped server or a dead network does, and {@link #restore()} accepts again on the same port.
 */
public final class TcpProxy implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

    private final InetSocketAddress upstream;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final int port;
    private ServerSocket listener; // guarded by this; null while cut

    private TcpProxy(InetSocketAddress upstream) throws IOException {
        this.upstream = upstream;
        this.listener = listen(0);
        this.port = listener.getLocalPort();
        accept(listener);
    }

    /**
     * @param upstream the server to forward to
     * @return a proxy accepting on an ephemeral port
     */
    public static TcpProxy to(InetSocketAddress upstream) throws IOException {
        return new TcpProxy(upstream);
    }

    /** @return the port the proxy listens on, the same after a {@link #restore()} */
    public int port() {
        return port;
    }

    /** Closes every proxied connection and stops listening, so new connections are refused. */
    public synchronized void cut() {
        if (listener != null) {
            closeQuietly(listener);
            listener = null;
        }
        sockets.forEach(TcpProxy::closeQuietly);
        sockets.clear();
    }

    /** Listens again on the same port. */
    public synchronized void restore() throws IOException {
        if (listener == null) {
            listener = listen(port);
            accept(listener);
        }
    }

    @Override
    public void close() {
        cut();
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true); // the port's old connections may linger in TIME_WAIT after a cut
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }

    private void accept(ServerSocket server) {
        daemon("tcp-proxy-accept-" + port, () -> {
            while (!server.isClosed()) {
                Socket client;
                try {
                    client = server.accept();
                } catch (IOException closed) {
                    return;
                }
                connect(server, client);
            }
        });
    }

    private void connect(ServerSocket acceptedBy, Socket client) {
        sockets.add(client);
        Socket server = new Socket();
        sockets.add(server);
        try {
            server.connect(upstream, CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            closeBoth(client, server);
            return;
        }
        if (acceptedBy.isClosed()) { // cut while connecting, perhaps after the cut closed what it knew of
            closeBoth(client, server);
            return;
        }
        daemon("tcp-proxy-up-" + port, () -> pump(client, server));
        daemon("tcp-proxy-down-" + port, () -> pump(server, client));
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException closed) {
            // a cut, or one side hung up: the other side hears of it below
        } finally {
            closeBoth(from, to);
        }
    }

    private void closeBoth(Socket one, Socket other) {
        closeQuietly(one);
        closeQuietly(other);
        sockets.remove(one);
        sockets.remove(other);
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing is all that is wanted
        }
    }
}
