package io.progimage.images.control;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;

/**
 * Fetches a {@code remote_file_url} (API.md §7) without letting it reach inside the network.
 * Every address the client connects to comes from {@link #resolve}, which refuses non-public
 * ones: the address that was checked is the address connected to (no second lookup that a
 * rebinding DNS server could answer differently), and each redirect goes through it again.
 * Redirects are followed here, at most {@link Settings#maxRedirects}, http/https only; the body
 * is counted while it streams and the whole exchange is bounded by a deadline.
 */
public final class RemoteFiles implements AutoCloseable {

    public record Settings(boolean allowPrivate, long maxBytes, Duration connectTimeout, Duration totalTimeout, int maxRedirects) {
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

    private final Settings settings;
    private final CloseableHttpClient client;

    public RemoteFiles(Settings settings) {
        this.settings = settings;
        DnsResolver resolver = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return RemoteFiles.this.resolve(host);
            }

            @Override
            public String resolveCanonicalHostname(String host) throws UnknownHostException {
                return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
            }
        };
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(resolver)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                                .setSocketTimeout(Timeout.of(settings.totalTimeout()))
                                .build())
                        .setMaxConnTotal(64).setMaxConnPerRoute(8)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("ProgImage remote fetch")
                .build();
    }

    /** Every address of the host, all of them public (unless private ones are allowed): or none. */
    InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
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
        long deadline = System.nanoTime() + settings.totalTimeout().toNanos();
        URI current = checked(url);
        for (int redirects = 0; ; redirects++) {
            HttpGet get = new HttpGet(current);
            get.setConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofNanoseconds(Math.max(1, deadline - System.nanoTime()))).build());
            try (ClassicHttpResponse response = client.executeOpen(null, get, null)) {
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
                return body(response.getEntity(), deadline);
            } catch (NotPublic e) {
                throw new Refused("the remote URL's host resolves to an address that is not public");
            } catch (UnknownHostException e) {
                throw new Refused("the remote URL's host is unknown");
            } catch (InterruptedIOException e) {
                throw new Refused("the remote server did not answer in time");
            } catch (IOException | IllegalArgumentException e) {
                throw new Refused("the remote URL could not be fetched");
            }
        }
    }

    private byte[] body(HttpEntity entity, long deadline) throws IOException, Refused {
        if (entity == null) {
            throw new Refused("the remote server sent no body");
        }
        if (entity.getContentLength() > settings.maxBytes()) {
            throw new Refused("the remote file is larger than " + settings.maxBytes() + " bytes");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(entity.getContentLength() > 0 ? (int) entity.getContentLength() : 64 * 1024);
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = entity.getContent()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (out.size() + (long) n > settings.maxBytes()) {
                    throw new Refused("the remote file is larger than " + settings.maxBytes() + " bytes");
                }
                if (System.nanoTime() > deadline) {
                    throw new Refused("the remote server did not send the file in time");
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
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
        client.close();
    }
}
