package io.progimage.platform.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP client of every connection to an address a client gave (remote files, webhook
 * callbacks): every connect goes through {@code lookup}, which checks the addresses it returns
 * (so the address connected to is the one checked: no DNS rebinding between check and connect);
 * no redirects, retries, cookies or cached credentials; a connect and a socket timeout.
 */
public final class OutboundClients {

    /** The checking lookup of the caller (its rules, its deadline). */
    @FunctionalInterface
    public interface Lookup {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private OutboundClients() {
    }

    public static CloseableHttpClient create(Lookup lookup, Duration connectTimeout, Duration socketTimeout,
                                             int maxConnections, int maxPerRoute, String userAgent) {
        DnsResolver resolver = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return lookup.resolve(host);
            }

            @Override
            public String resolveCanonicalHostname(String host) throws UnknownHostException {
                return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
            }
        };
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(resolver)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(Timeout.of(socketTimeout))
                                .build())
                        .setMaxConnTotal(maxConnections).setMaxConnPerRoute(maxPerRoute)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent(userAgent)
                .build();
    }
}
