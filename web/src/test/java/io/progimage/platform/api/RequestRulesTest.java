package io.progimage.platform.api;

import io.progimage.platform.boundary.DomainException;
import io.progimage.platform.boundary.DomainException.FieldError;
import io.progimage.users.api.UserView;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Request records read, validated and named without a container (the sign-up body as the example). */
class RequestRulesTest {

    @Test
    void aValidBodyIsBound() {
        UserView.SignUp signUp = RequestRules.read("{\"name\": \"Ann\", \"email\": \" ann@example.com \", \"password\": \"12345678\","
                + " \"extra\": 1}", UserView.SignUp.class);
        assertEquals(new UserView.SignUp("Ann", " ann@example.com ", "12345678"), signUp);
    }

    @Test
    void everyFieldIsNamedWithItsMostBasicProblemInTheRecordsOrder() {
        assertEquals(List.of(new FieldError("name", "is required"),
                        new FieldError("email", "must be an e-mail address of at most 254 characters"),
                        new FieldError("password", "must be at least 8 characters")),
                violations("{\"name\": \"  \", \"email\": \"ann@\", \"password\": \"short\"}"));
        assertEquals(List.of(new FieldError("name", "must be a string"), new FieldError("email", "is required"),
                        new FieldError("password", "must be at least 8 characters")),
                violations("{\"name\": 5, \"email\": null}"));
        assertEquals(List.of(new FieldError("name", "must be at most 100 characters, without control characters"),
                        new FieldError("password", "must be at most 1024 characters")),
                violations("{\"name\": \"a\\u0007b\", \"email\": \"ann@example.com\", \"password\": \"" + "p".repeat(1025) + "\"}"));
    }

    @Test
    void anInvalidBodyIsARefusalNamingItsFirstField() {
        DomainException invalid = assertThrows(DomainException.class, () -> RequestRules.read("{}", UserView.SignUp.class));
        assertEquals(DomainException.Kind.INVALID, invalid.kind());
        assertEquals("name", invalid.details().get(0).field());
    }

    private static List<FieldError> violations(String json) {
        return RequestRules.violations(RequestRules.bind(JsonBody.parse(json), UserView.SignUp.class), "");
    }
}
