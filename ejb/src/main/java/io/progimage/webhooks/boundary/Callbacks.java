package io.progimage.webhooks.boundary;

import io.progimage.webhooks.control.CallbackPosts;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The node's webhook client, configured once: the remote-file address rules
 * ({@code progimage.remote.allow-private}, the same setting), https only unless
 * {@code progimage.webhook.allow-http}, a connect timeout and one deadline per attempt.
 */
@ApplicationScoped
public class Callbacks {

    @Inject
    @ConfigProperty(name = "progimage.remote.allow-private", defaultValue = "false")
    boolean allowPrivate;

    @Inject
    @ConfigProperty(name = "progimage.webhook.allow-http", defaultValue = "false")
    boolean allowHttp;

    @Inject
    @ConfigProperty(name = "progimage.webhook.connect-timeout-seconds", defaultValue = "5")
    int connectTimeoutSeconds;

    /** One deadline over an attempt: DNS, connect, TLS, sending the document, the answer's head. */
    @Inject
    @ConfigProperty(name = "progimage.webhook.timeout-seconds", defaultValue = "10")
    int timeoutSeconds;

    private CallbackPosts posts;

    @PostConstruct
    void open() {
        posts = new CallbackPosts(new CallbackPosts.Settings(allowPrivate, allowHttp,
                Duration.ofSeconds(connectTimeoutSeconds), Duration.ofSeconds(timeoutSeconds)));
    }

    /** What is wrong with the URL's form (scheme, host, length), read after its name; empty when nothing. No lookup. */
    public Optional<String> formProblem(String url) {
        try {
            posts.checked(url);
            return Optional.empty();
        } catch (CallbackPosts.Refused refused) {
            return Optional.of(refused.getMessage());
        }
    }

    /** Request time: refused (422) when the URL's form or where its host resolves breaks the rules. */
    public void check(String url) {
        try {
            posts.check(url);
        } catch (CallbackPosts.Refused refused) {
            throw new CallbackRefused(refused.getMessage());
        }
    }

    public CallbackPosts.Answer post(String url, Map<String, String> headers, byte[] body) {
        return posts.post(url, headers, body);
    }

    /** How long an attempt can take at most, so that one in flight is not taken for lost. */
    public Duration attemptBound() {
        return Duration.ofSeconds(timeoutSeconds);
    }

    @PreDestroy
    void close() {
        try {
            posts.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
