package io.progimage.users.api;

import io.progimage.users.entity.User;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A user as clients see it: {@code {"id","name","email"}} (API.md §2, §4). */
@Schema(name = "User")
@JsonbPropertyOrder({"id", "name", "email"})
public record UserView(@Schema(required = true, format = "uuid", example = "9b2f6f1e-3c1d-4a8e-9a4f-6d7c1b2a3e4f") String id,
                       @Schema(required = true, example = "Ada Lovelace") String name,
                       @Schema(required = true, format = "email", example = "ada@example.org") String email) {

    public static UserView of(User user) {
        return new UserView(user.id(), user.name(), user.email());
    }

    /** The sign-up body. */
    @Schema(name = "SignUp")
    public record SignUp(@Schema(required = true, example = "Ada Lovelace") String name,
                         @Schema(required = true, format = "email", example = "ada@example.org",
                                 description = "Unique, compared case-insensitively") String email,
                         @Schema(required = true, minLength = 8, format = "password", example = "correct horse battery")
                         String password) {
    }
}
