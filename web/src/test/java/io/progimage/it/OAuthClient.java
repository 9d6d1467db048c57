package io.progimage.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a client application does with the API, step by step, over real HTTP: sign a user up,
 * register an app, walk the authorize page as a plain HTTP client would (submit every hidden
 * input plus e-mail, password and decision) and exchange the code.
 */
public final class OAuthClient {

    public static final String PASSWORD = "correct horse battery";
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    public record Account(String userId, String email, String clientId, String clientSecret, String redirectUrl) {
    }

    private OAuthClient() {
    }

    public static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    public static Api.Reply signUp(String name, String email, String password) {
        return Api.postJson("/users", Json.createObjectBuilder().add("name", name).add("email", email).add("password", password).build());
    }

    public static Api.Reply registerApplication(String email, String password, String name, String redirectUrl) {
        return Api.postJson("/oauth/applications", Json.createObjectBuilder().add("name", name).add("redirect_url", redirectUrl).build(),
                "Authorization", basic(email, password));
    }

    /** A new user with a registered application. */
    public static Account newAccount() {
        String email = uniqueEmail();
        Api.Reply user = signUp("Test User", email, PASSWORD);
        if (user.status() != 201) {
            throw new AssertionError("sign-up: " + user.status() + " " + user.body());
        }
        String redirect = "https://client.example/callback";
        Api.Reply app = registerApplication(email, PASSWORD, "Test App", redirect);
        if (app.status() != 201) {
            throw new AssertionError("register: " + app.status() + " " + app.body());
        }
        JsonObject json = app.json();
        return new Account(user.json().getString("id"), email, json.getString("client_id"), json.getString("client_secret"), redirect);
    }

    /** A bearer token for a brand-new user. */
    public static String newToken() {
        Account account = newAccount();
        return token(account, code(account, Map.of())).json().getString("access_token");
    }

    public static String authorizeQuery(Account account, Map<String, String> extra) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", account.clientId());
        query.put("response_type", "code");
        query.put("redirect_url", account.redirectUrl());
        query.putAll(extra);
        return "/oauth/authorize?" + form(query);
    }

    /** The hidden inputs of an authorize page. */
    public static Map<String, String> hiddenInputs(String html) {
        Map<String, String> inputs = new LinkedHashMap<>();
        Matcher matcher = HIDDEN.matcher(html);
        while (matcher.find()) {
            inputs.put(matcher.group(1), unescape(matcher.group(2)));
        }
        return inputs;
    }

    public static Api.Reply submit(Map<String, String> fields) {
        return Api.post("/oauth/authorize", "application/x-www-form-urlencoded", form(fields));
    }

    /** GET the page, submit it with the user's credentials and "allow"; the reply is the redirect. */
    public static Api.Reply allow(Account account, Map<String, String> extraQuery, String email, String password) {
        Api.Reply page = Api.get(authorizeQuery(account, extraQuery));
        if (page.status() != 200) {
            throw new AssertionError("authorize page: " + page.status() + " " + page.body());
        }
        Map<String, String> fields = hiddenInputs(page.body());
        fields.put("email", email);
        fields.put("password", password);
        fields.put("decision", "allow");
        return submit(fields);
    }

    public static String code(Account account, Map<String, String> extraQuery) {
        Api.Reply redirect = allow(account, extraQuery, account.email(), PASSWORD);
        if (redirect.status() != 303) {
            throw new AssertionError("authorize submit: " + redirect.status() + " " + redirect.body());
        }
        return queryOf(redirect.header("Location")).get("code");
    }

    public static Api.Reply token(Account account, String code) {
        return Api.post("/oauth/token", "application/x-www-form-urlencoded",
                form(Map.of("client_id", account.clientId(), "client_secret", account.clientSecret(), "code", code)));
    }

    public static Map<String, String> queryOf(String location) {
        String query = URI.create(location).getRawQuery();
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            parameters.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return parameters;
    }

    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static HttpRequest.Builder withBearer(String path, String token) {
        return Api.request(path).header("Authorization", "Bearer " + token);
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
