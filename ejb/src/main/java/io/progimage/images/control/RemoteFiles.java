package io.progimage.images.control;

import io.progimage.platform.control.FetchDeadline;
import io.progimage.platform.control.HostLookups;
import io.progimage.platform.control.OutboundClients;
import io.progimage.platform.control.PublicAddresses;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.LongConsumer;

/**
 * Fetches a {@code remote_file_url} (API.md §7) without letting it reach inside the network.
 * Every address the client connects to comes from {@link #resolve}, which refuses non-public
 * ones: the address that was checked is the address connected to (no second lookup that a
 * rebinding DNS server could answer differently), and each redirect goes through it again.
 * Redirects are followed here, at most {@link Settings#maxRedirects}, http/https only.
 *
 * <p>One {@link FetchDeadline} of {@link Settings#totalTimeout} covers the whole fetch, redirects
 * included, and closes the socket when it passes; the body is held in a buffer that grows with
 * the bytes that actually arrived, never beyond {@link Settings#maxBytes}.
 */
public final class RemoteFiles implements AutoCloseable {

    public record Settings(boolean allowPrivate, long maxBytes, Duration connectTimeout, Duration totalTimeout, int maxRedirects) {
        public Settings {
            if (maxBytes < 0 || maxBytes > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("maxBytes must fit in one array: " + maxBytes);
            }
        }
    }

    /** Why a URL could not be fetched, in words for the client. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** Signals a refused address from inside the client's resolver (which may only throw this type). */
    private static final class NotPublic extends UnknownHostException {
        NotPublic(String host) {
            super(host);
        }
    }

    /** The first allocation for a body; it doubles as bytes arrive, so an announced length costs nothing up front. */
    static final int INITIAL_BUFFER = 64 * 1024;

    /**
     * The deadline of the fetch running on this thread, for the resolver, which the client calls
     * without any context of ours. The classic client resolves on the calling thread.
     */
    private static final ThreadLocal<FetchDeadline> CURRENT = new ThreadLocal<>();

    private final Settings settings;
    private final ScheduledThreadPoolExecutor timers;
    private final HostLookups lookups = new HostLookups();
    private final CloseableHttpClient client;

    public RemoteFiles(Settings settings) {
        this.settings = settings;
        // one thread is plenty: a timer's task only cancels an exchange (closes a socket)
        this.timers = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "remote-file-deadline");
            thread.setDaemon(true);
            return thread;
        });
        this.timers.setRemoveOnCancelPolicy(true); // a fetch that finished in time leaves no task behind
        this.client = OutboundClients.create(host -> resolve(host, CURRENT.get()),
                settings.connectTimeout(), settings.totalTimeout(), 64, 8, "ProgImage remote fetch");
    }

    /**
     * Every address of the host, all of them public (unless private ones are allowed): or none.
     * Within a fetch the lookup gets only what is left of its deadline.
     */
    InetAddress[] resolve(String host, FetchDeadline deadline) throws UnknownHostException {
        InetAddress[] addresses;
        if (deadline == null) {
            addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
        } else {
            addresses = lookups.resolve(host, deadline);
            if (deadline.passed()) {
                // the timer has cancelled an exchange that had no socket yet: connecting now would outlive it
                throw new HostLookups.TooLate(host);
            }
        }
        if (!settings.allowPrivate()) {
            for (InetAddress address : addresses) {
                if (!PublicAddresses.isPublic(address)) {
                    throw new NotPublic(host);
                }
            }
        }
        return addresses;
    }

    public byte[] fetch(String url) throws Refused {
        return fetch(url, bytes -> { });
    }

    /**
     * Fetches {@code url}; {@code hold} is told, before each allocation of the body's buffer,
     * how many bytes the fetch will hold at once (the old buffer and the new one), so the caller
     * can count them against a memory budget and throw to refuse.
     */
    public byte[] fetch(String url, LongConsumer hold) throws Refused {
        URI first = checked(url);
        try (FetchDeadline deadline = new FetchDeadline(settings.totalTimeout(), timers)) {
            CURRENT.set(deadline);
            return follow(first, deadline, hold);
        } finally {
            CURRENT.remove();
        }
    }

    private byte[] follow(URI first, FetchDeadline deadline, LongConsumer hold) throws Refused {
        URI current = first;
        for (int redirects = 0; ; redirects++) {
            HttpGet get = new HttpGet(current);
            get.setConfig(RequestConfig.custom()
                    .setConnectionRequestTimeout(deadline.remaining())
                    .setResponseTimeout(deadline.remaining())
                    .build());
            deadline.guard(get);
            try {
                ClassicHttpResponse response = client.executeOpen(null, get, null);
                boolean complete = false;
                try {
                    int status = response.getCode();
                    if (status >= 300 && status < 400 && status != 304) {
                        Header location = response.getFirstHeader("Location");
                        if (location == null) {
                            throw new Refused("the remote server redirected without a Location");
                        }
                        if (redirects >= settings.maxRedirects()) {
                            throw new Refused("the remote server redirected more than " + settings.maxRedirects() + " times");
                        }
                        current = checked(current.resolve(location.getValue().trim()).toString());
                        continue;
                    }
                    if (status != 200) {
                        throw new Refused("the remote server answered HTTP " + status);
                    }
                    byte[] body = body(response.getEntity(), deadline, hold);
                    complete = true;
                    return body;
                } finally {
                    if (complete) {
                        response.close();
                    } else {
                        abandon(get, response);
                    }
                }
            } catch (IOException | IllegalArgumentException | CancellationException e) {
                // CancellationException: the timer cancelled the wait for a pooled connection
                throw refusal(e, deadline);
            }
        }
    }

    /**
     * Closing an unfinished response would read the rest of it, to reuse the connection: a
     * redirect's body, or the rest of a refused one, is dropped with its socket instead.
     */
    private static void abandon(HttpGet get, ClassicHttpResponse response) {
        get.cancel();
        try {
            response.close();
        } catch (IOException socketAlreadyClosed) {
            // the cancel closed it: there is nothing left to release
        }
    }

    /** The client's word for a failure; once the deadline has passed, whatever broke was broken by it. */
    private Refused refusal(Exception e, FetchDeadline deadline) {
        if (deadline.passed() || e instanceof InterruptedIOException) {
            return timedOut();
        }
        if (e instanceof NotPublic) {
            return new Refused("the remote URL's host resolves to an address that is not public");
        }
        if (e instanceof UnknownHostException) {
            return new Refused("the remote URL's host is unknown");
        }
        return new Refused("the remote URL could not be fetched");
    }

    private Refused timedOut() {
        Duration total = settings.totalTimeout();
        String within = total.toMillis() % 1000 == 0 ? total.toSeconds() + " s" : total.toMillis() + " ms";
        return new Refused("the remote server did not send the file within " + within);
    }

    /**
     * The body, refused as soon as it is known to exceed the limit: from its announced length
     * before any byte is read, else from the bytes that came. The buffer starts small and
     * doubles as bytes arrive, up to the announced length or the limit, whichever is smaller,
     * so a server that announces a big file and sends nothing costs {@value #INITIAL_BUFFER}
     * bytes, and an honest one gets an array of exactly its size (no copy at the end).
     */
    private byte[] body(HttpEntity entity, FetchDeadline deadline, LongConsumer hold) throws IOException, Refused {
        if (entity == null) {
            throw new Refused("the remote server sent no body");
        }
        long announced = entity.getContentLength();
        if (announced > settings.maxBytes()) {
            throw tooLarge();
        }
        int most = (int) (announced >= 0 ? announced : settings.maxBytes());
        hold.accept(Math.min(most, INITIAL_BUFFER));
        byte[] data = new byte[Math.min(most, INITIAL_BUFFER)];
        int size = 0;
        try (InputStream in = entity.getContent()) {
            while (true) {
                if (size == data.length) {
                    if (size == most) {
                        // full: at the announced length the stream ends here; at the limit one more byte is too many
                        if (in.read() < 0) {
                            break;
                        }
                        throw tooLarge();
                    }
                    int grown = (int) Math.min(most, 2L * data.length);
                    hold.accept((long) data.length + grown);
                    data = Arrays.copyOf(data, grown);
                }
                int n = in.read(data, size, data.length - size);
                if (n < 0) {
                    break;
                }
                size += n;
                if (deadline.passed()) {
                    throw timedOut();
                }
            }
        }
        if (size == data.length) {
            return data;
        }
        hold.accept((long) data.length + size);
        return Arrays.copyOf(data, size);
    }

    private Refused tooLarge() {
        return new Refused("the remote file is larger than " + settings.maxBytes() + " bytes");
    }

    /** http or https with a host; anything else (file:, gopher:, no host) is refused before any lookup. */
    static URI checked(String url) throws Refused {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getHost().isEmpty()) {
                throw new Refused("remote_file_url must be an http or https URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new Refused("remote_file_url is not a valid URL");
        }
    }

    @Override
    public void close() throws IOException {
        try {
            client.close();
        } finally {
            timers.shutdownNow();
            lookups.close();
        }
    }
}
