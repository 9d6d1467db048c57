package io.progimage.oauth.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A key every node of the cluster must share, created once (see {@code FormSigning}). */
@Entity
@Table(name = "server_secrets")
public class ServerSecret {

    @Id
    private String name;

    @Column(nullable = false)
    private String value;

    protected ServerSecret() {
    }

    public ServerSecret(String name, String value) {
        this.name = name;
        this.value = value;
    }

    public String value() {
        return value;
    }
}
