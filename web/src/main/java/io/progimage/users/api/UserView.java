package io.progimage.users.api;

import io.progimage.users.entity.User;
import io.progimage.platform.api.Text;
import io.progimage.platform.api.WireText;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
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

    /** The sign-up body; the account rules themselves (lengths, the e-mail's form) are the users component's. */
    @Schema(name = "SignUp")
    public record SignUp(@Schema(required = true, example = "Ada Lovelace")
                         @JsonbTypeDeserializer(WireText.Strings.class) @Text String name,
                         @Schema(required = true, format = "email", example = "ada@example.org",
                                 description = "Unique, compared case-insensitively")
                         @JsonbTypeDeserializer(WireText.Strings.class) @Text String email,
                         @Schema(required = true, minLength = 8, format = "password", example = "correct horse battery")
                         @JsonbTypeDeserializer(WireText.Strings.class) @Text String password) {
    }
}
