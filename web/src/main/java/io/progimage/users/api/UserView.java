package io.progimage.users.api;

import io.progimage.users.entity.User;
import io.progimage.platform.api.DisplayName;
import io.progimage.platform.api.Required;
import io.progimage.platform.api.Text;
import io.progimage.platform.api.WireText;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

    /** The sign-up body and its rules (API.md §2). */
    @Schema(name = "SignUp")
    public record SignUp(@Schema(required = true, maxLength = DisplayName.MAX_LENGTH, example = "Ada Lovelace")
                         @JsonbTypeDeserializer(WireText.Strings.class) @Text @Required @DisplayName String name,
                         @Schema(required = true, format = "email", maxLength = MAX_EMAIL, example = "ada@example.org",
                                 description = "Unique, compared case-insensitively")
                         @JsonbTypeDeserializer(WireText.Strings.class) @Text @Required
                         @Size(max = MAX_EMAIL, message = EMAIL_RULE)
                         @Pattern(regexp = "\\s*[^@\\s\\x00-\\x1F\\x7F]+@[^@\\s\\x00-\\x1F\\x7F]+\\.[^@\\s\\x00-\\x1F\\x7F]+\\s*",
                                 message = EMAIL_RULE) // no \p{Cntrl}: the document's regex must read in ECMAScript too
                         String email,
                         @Schema(required = true, minLength = MIN_PASSWORD, maxLength = MAX_PASSWORD, format = "password",
                                 example = "correct horse battery")
                         @JsonbTypeDeserializer(WireText.Strings.class) @Text
                         @NotNull(message = "must be at least " + MIN_PASSWORD + " characters")
                         @Size(min = MIN_PASSWORD, message = "must be at least " + MIN_PASSWORD + " characters")
                         @Size(max = MAX_PASSWORD, message = "must be at most " + MAX_PASSWORD + " characters") String password) {

        static final int MAX_EMAIL = 254;
        static final int MIN_PASSWORD = 8;
        /** A bound on the work of hashing a password. */
        static final int MAX_PASSWORD = 1024;
        private static final String EMAIL_RULE = "must be an e-mail address of at most " + MAX_EMAIL + " characters";
    }
}
