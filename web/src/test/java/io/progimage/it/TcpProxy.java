package io.progimage.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on 127.0.0.1 in front of a server, for outages a test switches on and off: while
 * {@link #down()} the port refuses connections and every relayed connection is reset, as a
 * database that crashed or a cut network look to their clients; {@link #up()} listens again on
 * the same port.
 */
final class TcpProxy implements AutoCloseable {

    private final int targetPort;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listener;

    TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.port = Stack.freePort();
        up();
    }

    int port() {
        return port;
    }

    synchronized void up() throws IOException {
        if (listener != null) {
            return;
        }
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        listener = socket;
        Thread acceptor = new Thread(() -> accept(socket), "proxy-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    synchronized void down() throws IOException {
        if (listener != null) {
            listener.close();
            listener = null;
        }
        for (Socket socket : open) {
            try {
                socket.setSoLinger(true, 0); // a reset, as from a host whose server is gone
                socket.close();
            } catch (IOException alreadyClosed) {
                // its relay ended meanwhile (the pump threads close both sides)
            }
        }
        open.clear();
    }

    private void accept(ServerSocket socket) {
        try {
            while (true) {
                Socket client = socket.accept();
                Socket server;
                try {
                    server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                } catch (IOException e) {
                    client.close();
                    continue;
                }
                open.add(client);
                open.add(server);
                pump(client, server);
                pump(server, client);
            }
        } catch (IOException closed) {
            // down(): the listener is closed
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (SocketException reset) {
                // the other side or down() closed it
            } catch (IOException e) {
                // same: the relay ends with its connection
            } finally {
                close(from);
                close(to);
                open.remove(from);
                open.remove(to);
            }
        }, "proxy-pump-" + port);
        thread.setDaemon(true);
        thread.start();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        down();
    }
}
