package io.progimage.platform.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every operation of the OpenAPI document shares, said once instead of on each resource
 * method (a MicroProfile OpenAPI filter, run by the build's scan, web/pom.xml, and again by Payara
 * over that document, with the same result, {@code mp.openapi.filter}): the answers any call can get (401 on a bearer operation, 429 where
 * rate-limited, 400/413/415 where there is a body, 500 and 503 everywhere), and the rate-limit
 * headers on every answer of a rate-limited operation (API.md §1, §6), and the empty security
 * requirement on the requests the service itself sends (callbacks). An operation is
 * rate-limited per user when it takes a bearer token, and per client IP when its annotations say
 * {@code x-rate-limit: per-client-ip}.
 */
public class ApiDocument implements OASFilter {

    private static final String ERROR_SCHEMA = "Error";
    private static final List<String> RATE_HEADERS = List.of("X-RateLimit-Limit", "X-RateLimit-Remaining",
            "X-RateLimit-Reset", "RateLimit-Policy", "RateLimit");

    @Override
    public void filterOpenAPI(OpenAPI document) {
        headers().forEach(document.getComponents()::addHeader);
        document.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(this::complete));
        document.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(ApiDocument::signedCallbacks));
        dropPayaraEndpoints(document);
    }

    /**
     * The requests the service sends (the bulk webhook, issue 14 §4) carry no token: their
     * signature header authenticates them, as their description says. Say so with the empty
     * requirement; they get none of the answers above, which are the service's own.
     */
    private static void signedCallbacks(Operation operation) {
        if (operation.getCallbacks() == null) {
            return;
        }
        operation.getCallbacks().values().stream()
                .filter(callback -> callback.getPathItems() != null) // a $ref to one has none of its own
                .forEach(callback -> callback.getPathItems().values().forEach(item -> item.getOperations().values().forEach(sent -> {
                    if (sent.getSecurity() == null) {
                        sent.setSecurity(List.of(OASFactory.createSecurityRequirement()));
                    }
                })));
    }

    private void complete(Operation operation) {
        APIResponses responses = operation.getResponses();
        // SmallRye copies a method's @Extension onto its responses too (where Payara cannot read it back)
        dropRateLimitMark(responses);
        responses.getAPIResponses().values().forEach(ApiDocument::dropRateLimitMark);
        boolean bearer = operation.getSecurity() != null && operation.getSecurity().stream()
                .anyMatch(requirement -> requirement.hasScheme("bearer"));
        boolean perIp = operation.getExtensions() != null && "per-client-ip".equals(operation.getExtensions().get("x-rate-limit"));
        if (bearer) {
            addIfMissing(responses, "401", error("Missing, unknown, expired or revoked token (bad_credentials)")
                    .addHeader("WWW-Authenticate", ref("WWW-Authenticate")));
        }
        if (operation.getRequestBody() != null) {
            addIfMissing(responses, "400", error("Malformed JSON or form body (bad_request)"));
            addIfMissing(responses, "413", error("Request body over the size limit, 25 MiB by default (payload_too_large)"));
            addIfMissing(responses, "415", error("A Content-Type this operation does not take (unsupported_media_type)"));
        }
        if (bearer || perIp) {
            addIfMissing(responses, "429", error("Over the rate limit (rate_limit_exceeded)")
                    .addHeader("Retry-After", ref("Retry-After")));
            responses.getAPIResponses().values().forEach(response -> RATE_HEADERS.forEach(name -> response.addHeader(name, ref(name))));
        }
        addIfMissing(responses, "500", error("Something unexpected; the message quotes a correlation id (internal_error)"));
        addIfMissing(responses, "503", error("A dependency (database, broker) is down, or the server is out of room for now"
                + " (service_unavailable)").addHeader("Retry-After", ref("Retry-After")));
        if (operation.getSecurity() == null) {
            // public: say so with the empty requirement (Payara's writer drops an empty list)
            operation.setSecurity(List.of(OASFactory.createSecurityRequirement()));
        }
    }

    private static void dropRateLimitMark(org.eclipse.microprofile.openapi.models.Extensible<?> element) {
        if (element.getExtensions() != null && element.getExtensions().containsKey("x-rate-limit")) {
            element.removeExtension("x-rate-limit");
        }
    }

    private static void addIfMissing(APIResponses responses, String status, APIResponse response) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, response);
        }
    }

    private static APIResponse error(String description) {
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType("application/json",
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(ERROR_SCHEMA))));
    }

    private static Header ref(String name) {
        return OASFactory.createHeader().ref(name);
    }

    private static Map<String, Header> headers() {
        Map<String, Header> headers = new LinkedHashMap<>();
        headers.put("X-RateLimit-Limit", header("Requests allowed in the window (20 by default)", Schema.SchemaType.INTEGER));
        headers.put("X-RateLimit-Remaining", header("Requests left in the current window", Schema.SchemaType.INTEGER));
        headers.put("X-RateLimit-Reset", header("UTC epoch seconds when a slot frees", Schema.SchemaType.INTEGER));
        headers.put("RateLimit-Policy", header("IETF draft: `\"default\";q=20;w=5`", Schema.SchemaType.STRING));
        headers.put("RateLimit", header("IETF draft: `\"default\";r=<remaining>;t=<seconds>`", Schema.SchemaType.STRING));
        headers.put("Retry-After", header("Seconds to wait before trying again (at least 1)", Schema.SchemaType.INTEGER));
        headers.put("WWW-Authenticate", header("`Bearer realm=\"progimage\"`, with `error=\"invalid_token\"` when a token was"
                + " sent but is not valid (RFC 6750 §3)", Schema.SchemaType.STRING));
        return headers;
    }

    private static Header header(String description, Schema.SchemaType type) {
        return OASFactory.createHeader().description(description).schema(OASFactory.createSchema().type(type));
    }

    /**
     * Payara adds a top-level {@code endpoints} map of its own, which is not part of OpenAPI (and
     * fails every validator). Its model class has a setter, and the map is made before the filters run.
     */
    private static void dropPayaraEndpoints(OpenAPI document) {
        try {
            // empty, not null: Payara clones the map for every request, and its writer leaves empty maps out
            document.getClass().getMethod("setEndpoints", Map.class).invoke(document, new java.util.HashMap<>());
        } catch (ReflectiveOperationException e) {
            // not Payara's model: then there is no such map either
        }
    }
}
