package io.progimage.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.progimage.it.OAuthClient.PASSWORD;
import static io.progimage.it.OAuthClient.basic;
import static io.progimage.it.OAuthClient.registerApplication;
import static io.progimage.it.OAuthClient.signUp;
import static io.progimage.it.OAuthClient.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign-up and application registration (API.md §2). */
@ExtendWith(Stack.class)
class AccountsIT {

    @Test
    void signUpAnswers201WithTheUserAndNeverThePassword() {
        String email = uniqueEmail();
        Api.Reply reply = signUp("Ann", email.toUpperCase(), PASSWORD);
        assertEquals(201, reply.status(), reply.body());
        JsonObject user = reply.json();
        assertTrue(user.getString("id").matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
        assertEquals("Ann", user.getString("name"));
        assertEquals(email, user.getString("email"));
        assertFalse(reply.body().contains(PASSWORD));
        assertEquals(3, user.size());
    }

    @Test
    void theSameEmailInAnyLetterCaseIsAConflict() {
        String email = uniqueEmail();
        assertEquals(201, signUp("Ann", email, PASSWORD).status());
        Api.Reply again = signUp("Other", email.toUpperCase(), PASSWORD);
        assertEquals(409, again.status());
        assertEquals("conflict", again.errorCode());
    }

    @Test
    void invalidFieldsAre422NamingEachField() {
        Api.Reply reply = Api.postJson("/users", Json.createObjectBuilder().add("email", "not-an-email").add("password", "short").build());
        assertEquals(422, reply.status());
        assertEquals("invalid_request", reply.errorCode());
        var fields = reply.json().getJsonObject("error").getJsonArray("details").getValuesAs(JsonObject.class).stream()
                .map(d -> d.getString("field")).toList();
        assertEquals(java.util.List.of("name", "email", "password"), fields);
    }

    @Test
    void overLongValuesAreRefusedAndCreateNothing() {
        String email = uniqueEmail();
        assertEquals(422, signUp("n".repeat(101), email, PASSWORD).status());
        assertEquals(422, signUp("Ann", "a".repeat(250) + email, PASSWORD).status());
        assertEquals(422, signUp("Ann", email, "p".repeat(1025)).status());
        // nothing was created: the e-mail is still free
        assertEquals(201, signUp("Ann", email, PASSWORD).status());
    }

    @Test
    void wrongTypesAndDuplicatedKeysAre422() {
        Api.Reply number = Api.post("/users", "application/json", "{\"name\": 5, \"email\": \"" + uniqueEmail() + "\", \"password\": \"" + PASSWORD + "\"}");
        assertEquals(422, number.status());
        assertEquals("name", number.json().getJsonObject("error").getJsonArray("details").getJsonObject(0).getString("field"));
        String email = uniqueEmail();
        Api.Reply duplicated = Api.post("/users", "application/json",
                "{\"name\": \"a\", \"email\": \"" + email + "\", \"email\": \"" + uniqueEmail() + "\", \"password\": \"" + PASSWORD + "\"}");
        assertEquals(422, duplicated.status());
        assertEquals("invalid_request", duplicated.errorCode());
        assertEquals(201, signUp("Ann", email, PASSWORD).status());
    }

    @Test
    void sqlAndHtmlInFieldsAreJustText() {
        String name = "Robert'); DROP TABLE users;-- <script>alert(1)</script>";
        Api.Reply reply = signUp(name, uniqueEmail(), PASSWORD);
        assertEquals(201, reply.status());
        assertEquals(name, reply.json().getString("name"));
        assertEquals(201, signUp("Ann", uniqueEmail(), PASSWORD).status()); // the table is still there
    }

    @Test
    void registeringAnApplicationNeedsTheUsersBasicCredentials() {
        String email = uniqueEmail();
        signUp("Ann", email, PASSWORD);
        Api.Reply reply = registerApplication(email.toUpperCase(), PASSWORD, "My App", "https://app.example/cb");
        assertEquals(201, reply.status(), reply.body());
        JsonObject app = reply.json();
        assertEquals(32, app.getString("client_id").length());
        assertTrue(app.getString("client_secret").matches("[A-Za-z0-9]{48}"));
        assertEquals("My App", app.getString("name"));
        assertEquals("https://app.example/cb", app.getString("redirect_url"));
        assertTrue(app.getString("created_at").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        assertEquals("no-store", reply.header("Cache-Control"));
    }

    @Test
    void registeringWithoutOrWithWrongCredentialsIs401WithAChallenge() {
        String email = uniqueEmail();
        signUp("Ann", email, PASSWORD);
        Api.Reply none = Api.postJson("/oauth/applications", Json.createObjectBuilder().add("name", "x").add("redirect_url", "https://a.example/").build());
        assertEquals(401, none.status());
        assertEquals("bad_credentials", none.errorCode());
        assertTrue(Api.values(none, "WWW-Authenticate").contains("Bearer realm=\"progimage\""));
        Api.Reply wrong = registerApplication(email, "wrong password", "x", "https://a.example/");
        assertEquals(401, wrong.status());
        Api.Reply unknown = registerApplication(uniqueEmail(), PASSWORD, "x", "https://a.example/");
        assertEquals(401, unknown.status());
    }

    @Test
    void aRedirectUrlMustBeAnAbsoluteHttpUrl() {
        String email = uniqueEmail();
        signUp("Ann", email, PASSWORD);
        for (String url : new String[]{"javascript:alert(1)", "/relative", "ftp://a.example/", "https://a.example/#frag", ""}) {
            Api.Reply reply = Api.postJson("/oauth/applications", Json.createObjectBuilder().add("name", "x").add("redirect_url", url).build(),
                    "Authorization", basic(email, PASSWORD));
            assertEquals(422, reply.status(), url);
            assertEquals("redirect_url", reply.json().getJsonObject("error").getJsonArray("details").getJsonObject(0).getString("field"));
        }
    }
}
