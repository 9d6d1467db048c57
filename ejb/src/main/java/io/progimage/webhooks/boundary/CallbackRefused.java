package io.progimage.webhooks.boundary;

import io.progimage.platform.boundary.DomainException;

/**
 * A bulk's {@code callback_url} refused at request time (422): its form, where its host resolves,
 * or an application with no webhook secret to sign with. The web layer names the field; the
 * reason reads after it ("must be an https URL with a host").
 */
public class CallbackRefused extends DomainException {

    private final String reason;

    public CallbackRefused(String reason) {
        super(Kind.INVALID, "the callback URL " + reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
