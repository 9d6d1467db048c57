package io.progimage.oauth.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The server-rendered sign-in and consent page (API.md §3.1): plain HTML, no JavaScript, every
 * echoed value escaped. Never cached, never framed (no clickjacking of the Allow button).
 */
final class AuthorizePage {

    private AuthorizePage() {
    }

    static Response form(int status, String applicationName, AuthorizeRequest request, String formToken, String email, String error) {
        StringBuilder html = new StringBuilder(2048);
        html.append("<h1>Sign in to ProgImage</h1>\n<p><strong>").append(escape(applicationName))
                .append("</strong> asks to use your ProgImage account: upload and process images, read your profile.</p>\n");
        if (error != null) {
            html.append("<p class=\"error\" role=\"alert\">").append(escape(error)).append("</p>\n");
        }
        html.append("<form method=\"post\" action=\"/oauth/authorize\">\n");
        hidden(html, "client_id", request.clientId());
        hidden(html, "redirect_url", request.redirectUrl());
        hidden(html, "response_type", request.responseType());
        hidden(html, "state", request.state());
        hidden(html, "code_challenge", request.codeChallenge());
        hidden(html, "code_challenge_method", request.codeChallengeMethod());
        hidden(html, "form_token", formToken);
        html.append("<label>E-mail <input type=\"email\" name=\"email\" autocomplete=\"username\" maxlength=\"254\" value=\"")
                .append(escape(email == null ? "" : email)).append("\" required></label>\n")
                .append("<label>Password <input type=\"password\" name=\"password\" autocomplete=\"current-password\" maxlength=\"1024\"></label>\n")
                .append("<button type=\"submit\" name=\"decision\" value=\"allow\">Allow</button>\n")
                .append("<button type=\"submit\" name=\"decision\" value=\"deny\" formnovalidate>Deny</button>\n")
                .append("</form>\n");
        return page(status, "Authorize " + applicationName, html);
    }

    static Response error(int status, String message) {
        return page(status, "Authorization failed", new StringBuilder("<h1>Authorization failed</h1>\n<p class=\"error\">")
                .append(escape(message)).append("</p>\n<p>Go back to the application and start again.</p>\n"));
    }

    private static Response page(int status, String title, CharSequence body) {
        String html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title) + "</title>"
                + "<style>body{font-family:sans-serif;max-width:28em;margin:3em auto;padding:0 1em}label{display:block;margin:.8em 0}"
                + "input{display:block;width:100%}.error{color:#b00020}button{margin-right:1em}</style></head>\n<body>\n"
                + body + "</body></html>\n";
        Response.ResponseBuilder response = Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Frame-Options", "DENY")
                // no form-action: browsers apply it to the redirect that follows the submit
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
                .header("Referrer-Policy", "no-referrer");
        if (status == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, io.progimage.platform.api.ApiError.BEARER_CHALLENGE);
        }
        return response.build();
    }

    private static void hidden(StringBuilder html, String name, String value) {
        if (value != null) {
            html.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"").append(escape(value)).append("\">\n");
        }
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
