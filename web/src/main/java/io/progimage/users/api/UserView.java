package io.progimage.users.api;

import io.progimage.users.entity.User;
import jakarta.json.Json;
import jakarta.json.JsonObject;

/** A user as clients see it: {@code {"id","name","email"}}. */
public record UserView(String id, String name, String email) {

    public static UserView of(User user) {
        return new UserView(user.id(), user.name(), user.email());
    }

    public JsonObject toJson() {
        return Json.createObjectBuilder().add("id", id).add("name", name).add("email", email).build();
    }
}
