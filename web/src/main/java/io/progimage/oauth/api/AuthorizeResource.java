package io.progimage.oauth.api;

import io.progimage.oauth.boundary.Applications;
import io.progimage.oauth.boundary.Authorizations;
import io.progimage.oauth.control.Pkce;
import io.progimage.oauth.entity.ClientApplication;
import io.progimage.platform.api.DomainErrorMapper;
import io.progimage.platform.boundary.DomainException;
import io.progimage.users.boundary.Users;
import io.progimage.users.entity.User;
import io.progimage.ratelimit.api.LimitedPerClientIp;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The authorize endpoint (API.md §3.1-§3.2). Until the client and its redirect URL are known to
 * be genuine, every problem is an HTML page without a redirect (RFC 6749 §4.1.2.1); after that,
 * problems travel back to the client in the redirect, as the RFC wants.
 */
@Path("oauth/authorize")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "oauth")
public class AuthorizeResource {

    private static final String HTML = "text/html";

    @Inject
    Applications applications;

    @Inject
    Authorizations authorizations;

    @Inject
    Users users;

    @GET
    @Operation(operationId = "authorize", summary = "The sign-in page of the authorization-code flow",
            description = "RFC 6749 §4.1.1 with PKCE (RFC 7636). A browser page, not a JSON call: it shows a form with"
                    + " `email`, `password` and the `decision` buttons `allow` and `deny`, which posts to this URL.")
    @SecurityRequirementsSet
    @Parameter(name = "client_id", in = ParameterIn.QUERY, required = true, schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "response_type", in = ParameterIn.QUERY, required = true,
            schema = @Schema(type = SchemaType.STRING, enumeration = "code"))
    @Parameter(name = "redirect_url", in = ParameterIn.QUERY, description = "Exactly the registered URL (the reference's name)",
            schema = @Schema(type = SchemaType.STRING, format = "uri"))
    @Parameter(name = "redirect_uri", in = ParameterIn.QUERY, description = "RFC 6749's name for redirect_url",
            schema = @Schema(type = SchemaType.STRING, format = "uri"))
    @Parameter(name = "state", in = ParameterIn.QUERY, description = "Returned exactly in the redirect",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "code_challenge", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "code_challenge_method", in = ParameterIn.QUERY,
            schema = @Schema(type = SchemaType.STRING, enumeration = {"S256", "plain"}))
    @APIResponse(responseCode = "200", description = "The sign-in form",
            content = @Content(mediaType = HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "303", description = "To the redirect URL with `error` (e.g. unsupported_response_type) and `state`",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")))
    @APIResponse(responseCode = "400", description = "Unknown client_id or a redirect URL that is not the registered one:"
            + " an error page and no redirect (RFC 6749 §4.1.2.1)",
            content = @Content(mediaType = HTML, schema = @Schema(type = SchemaType.STRING)))
    public Response page(@Context UriInfo uri) {
        return handle(uri.getQueryParameters(), false);
    }

    @LimitedPerClientIp
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "submitAuthorization", summary = "Submit the sign-in form",
            description = "The form of the sign-in page: its hidden inputs, `email`, `password` and `decision`.")
    @Extension(name = "x-rate-limit", value = "per-client-ip")
    @SecurityRequirementsSet
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(implementation = OAuthViews.AuthorizationForm.class)))
    @APIResponse(responseCode = "303", description = "Allowed: to the redirect URL with `code` and `state`;"
            + " denied: with `error=access_denied`",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")))
    @APIResponse(responseCode = "400", description = "An expired or altered form, or no decision: a page, no redirect",
            content = @Content(mediaType = HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "401", description = "Wrong e-mail or password: the form again with an error",
            content = @Content(mediaType = HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "default", description = "There is no 2xx: the answer is the redirect above or an error page;"
            + " a 503 (too many sign-ins at once) shows the form again with Retry-After",
            content = @Content(mediaType = HTML, schema = @Schema(type = SchemaType.STRING)))
    public Response submit(MultivaluedMap<String, String> form) {
        return handle(form, true);
    }

    private Response handle(MultivaluedMap<String, String> parameters, boolean submitted) {
        AuthorizeRequest request;
        ClientApplication client;
        try {
            request = AuthorizeRequest.from(parameters);
            client = applications.find(request.clientId())
                    .orElseThrow(() -> new AuthorizeRequest.Unusable("Unknown client_id."));
            if (request.redirectUrl() == null) {
                request = request.withRedirectUrl(client.redirectUrl());
            } else if (!client.redirectsTo(request.redirectUrl())) {
                throw new AuthorizeRequest.Unusable("The redirect URL is not the one registered for this application.");
            }
        } catch (AuthorizeRequest.Unusable e) {
            return AuthorizePage.error(400, e.getMessage());
        }

        Optional<String> problem = problem(request);
        if (problem.isPresent()) {
            return redirect(request, Map.of("error", problem.get()));
        }
        if (!submitted) {
            return AuthorizePage.form(200, client.name(), request, authorizations.formToken(request.signedFields()), null, null);
        }
        if (!authorizations.isGenuineForm(parameters.getFirst("form_token"), request.signedFields())) {
            return AuthorizePage.error(400, "This sign-in form has expired or was altered.");
        }
        for (String name : new String[]{"email", "password", "decision", "form_token"}) {
            var values = parameters.get(name);
            if (values != null && values.size() > 1) {
                return AuthorizePage.error(400, "The field " + name + " is given more than once.");
            }
        }
        String decision = parameters.getFirst("decision");
        if ("deny".equals(decision)) {
            return redirect(request, Map.of("error", "access_denied"));
        }
        String email = parameters.getFirst("email");
        String freshToken = authorizations.formToken(request.signedFields());
        if (!"allow".equals(decision)) {
            return AuthorizePage.form(400, client.name(), request, freshToken, email, "Choose Allow or Deny.");
        }
        Optional<User> user;
        try {
            user = users.authenticate(email, parameters.getFirst("password"));
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.BUSY) {
                throw e;
            }
            // an HTML form, not the JSON error: the page again, to submit once more in a moment
            return Response.fromResponse(AuthorizePage.form(503, client.name(), request, freshToken, email,
                    "Too many sign-ins at once; please try again in a moment."))
                    .header("Retry-After", DomainErrorMapper.BUSY_RETRY_AFTER_SECONDS).build();
        }
        if (user.isEmpty()) {
            return AuthorizePage.form(401, client.name(), request, freshToken, email, "Wrong e-mail or password.");
        }
        String code = authorizations.issueCode(client, request.redirectUrl(), user.get(),
                request.codeChallenge(), request.codeChallenge() == null ? null : method(request));
        return redirect(request, Map.of("code", code));
    }

    /** The RFC 6749 §4.1.2.1 error for a request from a genuine client that we still cannot serve. */
    private static Optional<String> problem(AuthorizeRequest request) {
        if (request.responseType() == null) {
            return Optional.of("invalid_request");
        }
        if (!request.responseType().equals("code")) {
            return Optional.of("unsupported_response_type");
        }
        if (request.codeChallenge() == null) {
            return request.codeChallengeMethod() == null ? Optional.empty() : Optional.of("invalid_request");
        }
        if (!Pkce.isValidChallenge(request.codeChallenge()) || !Pkce.isValidMethod(method(request))) {
            return Optional.of("invalid_request");
        }
        return Optional.empty();
    }

    /** RFC 7636 §4.3: without a method the challenge is plain. */
    private static String method(AuthorizeRequest request) {
        return request.codeChallengeMethod() == null ? Pkce.PLAIN : request.codeChallengeMethod();
    }

    private static Response redirect(AuthorizeRequest request, Map<String, String> result) {
        Map<String, String> parameters = new LinkedHashMap<>(result);
        request.stateValue().ifPresent(state -> parameters.put("state", state));
        String query = parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String target = request.redirectUrl() + (request.redirectUrl().contains("?") ? "&" : "?") + query;
        return Response.seeOther(URI.create(target)).header("Cache-Control", "no-store").build();
    }
}
