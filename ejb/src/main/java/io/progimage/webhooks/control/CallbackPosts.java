package io.progimage.webhooks.control;

import io.progimage.platform.control.FetchDeadline;
import io.progimage.platform.control.HostLookups;
import io.progimage.platform.control.OutboundClients;
import io.progimage.platform.control.PublicAddresses;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * POSTs a webhook to a bulk's {@code callback_url} under the remote-file address rules (API.md
 * §7): every address connected to comes from this class's resolver, which refuses non-public ones
 * unless private addresses are allowed, so the address checked is the address connected to (a
 * rebinding DNS server gets no second lookup). https only, unless the operator allows http. No
 * redirect is followed (a 3xx is a failed attempt), no cookie kept, nothing retried here: the
 * delivery's schedule retries. One deadline covers the whole exchange and closes the socket when
 * it passes; the answer's status is all that is read: its body never is, the connection is dropped.
 *
 * <p>{@link #check} is the same rule at request time, before anything is stored: a URL whose host
 * resolves to a non-public address is refused; a host that does not resolve now is accepted (it
 * may by the time the bulk settles), since every attempt checks again.
 */
public final class CallbackPosts implements AutoCloseable {

    public record Settings(boolean allowPrivate, boolean allowHttp, Duration connectTimeout, Duration totalTimeout) {
    }

    /** Why a callback URL is not acceptable, in words that follow its name ("must be an https URL"). */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * What came of one POST: the receiver's status, or 0 and why there was none ({@code error},
     * in words for the user, never an exception's text).
     */
    public record Answer(int status, String error, Duration took) {
        public boolean delivered() {
            return status >= 200 && status < 300;
        }
    }

    public static final int MAX_URL_LENGTH = 2000;

    private static final class NotPublic extends UnknownHostException {
        NotPublic(String host) {
            super(host);
        }
    }

    /** The deadline of the POST on this thread, for the resolver (the classic client resolves on the calling thread). */
    private static final ThreadLocal<FetchDeadline> CURRENT = new ThreadLocal<>();

    private final Settings settings;
    private final ScheduledThreadPoolExecutor timers;
    private final HostLookups lookups = new HostLookups();
    private final CloseableHttpClient client;

    public CallbackPosts(Settings settings) {
        this.settings = settings;
        this.timers = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "webhook-deadline");
            thread.setDaemon(true);
            return thread;
        });
        this.timers.setRemoveOnCancelPolicy(true);
        this.client = OutboundClients.create(host -> resolve(host, CURRENT.get()),
                settings.connectTimeout(), settings.totalTimeout(), 16, 2, "ProgImage webhook");
    }

    /** The URL's form: https (or http where allowed) with a host, no user information, at most 2000 characters. */
    public URI checked(String url) throws Refused {
        if (url.length() > MAX_URL_LENGTH) {
            throw new Refused("must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Refused("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean allowed = scheme.equals("https") || scheme.equals("http") && settings.allowHttp();
        if (!allowed || uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new Refused(settings.allowHttp() ? "must be an http or https URL with a host" : "must be an https URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("must not contain user information (the signature authenticates the delivery)");
        }
        if (uri.getRawFragment() != null) {
            throw new Refused("must not have a fragment");
        }
        return uri;
    }

    /** Request time: the URL's form, and where its host resolves now (within the connect timeout). */
    public void check(String url) throws Refused {
        URI uri = checked(url);
        try (FetchDeadline deadline = new FetchDeadline(settings.connectTimeout(), timers)) {
            resolve(host(uri), deadline);
        } catch (NotPublic e) {
            throw new Refused("resolves to an address that is not public");
        } catch (UnknownHostException unknownOrSlow) {
            // accepted: it may resolve by the time the bulk settles, and every attempt checks again
        }
    }

    InetAddress[] resolve(String host, FetchDeadline deadline) throws UnknownHostException {
        if (deadline == null) { // a lookup outside post(): never without a time bound
            throw new UnknownHostException(host + " (looked up outside an attempt)");
        }
        InetAddress[] addresses = lookups.resolve(host, deadline);
        if (deadline.passed()) {
            throw new HostLookups.TooLate(host);
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

    /** One attempt: never throws for what the network or the receiver did, that is the answer. */
    public Answer post(String url, Map<String, String> headers, byte[] body) {
        long start = System.nanoTime();
        URI uri;
        try {
            uri = checked(url);
        } catch (Refused refused) {
            return new Answer(0, "the callback URL " + refused.getMessage(), Duration.ZERO);
        }
        HttpPost post = new HttpPost(uri);
        headers.forEach(post::setHeader);
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        try (FetchDeadline deadline = new FetchDeadline(settings.totalTimeout(), timers)) {
            CURRENT.set(deadline);
            post.setConfig(RequestConfig.custom()
                    .setConnectionRequestTimeout(deadline.remaining())
                    .setResponseTimeout(deadline.remaining())
                    .build());
            deadline.guard(post);
            try {
                ClassicHttpResponse response = client.executeOpen(null, post, null);
                int status = response.getCode();
                abandon(post, response); // the body is not ours to read
                return new Answer(status, null, Duration.ofNanos(System.nanoTime() - start));
            } catch (IOException | IllegalArgumentException | CancellationException e) {
                return new Answer(0, reason(e), Duration.ofNanos(System.nanoTime() - start));
            }
        } finally {
            CURRENT.remove();
        }
    }

    private static void abandon(HttpPost post, ClassicHttpResponse response) {
        post.cancel();
        try {
            response.close();
        } catch (IOException socketAlreadyClosed) {
            // the cancel closed it: nothing left to release
        }
    }

    private String reason(Exception e) {
        if (e instanceof NotPublic) {
            return "the callback URL's host resolves to an address that is not public";
        }
        if (e instanceof UnknownHostException) {
            return "the callback URL's host is unknown";
        }
        // One text for refused, unreachable and too slow: the attempts are shown to the client,
        // and telling those apart would make callback URLs a port scanner of any public host.
        Duration total = settings.totalTimeout();
        String within = total.toMillis() % 1000 == 0 ? total.toSeconds() + " s" : total.toMillis() + " ms";
        return "no answer from the receiver within " + within + " (refused, unreachable or too slow)";
    }

    private static String host(URI uri) {
        String host = uri.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
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
