package io.progimage.oauth.boundary;

import io.progimage.oauth.control.Secrets;
import io.progimage.oauth.entity.ServerSecret;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Keys every node must share, created by whichever node needs one first. INSERT IGNORE makes
 * the creation race-free across nodes without a lock: the first insert wins, everyone reads it.
 */
@Stateless
public class ServerSecrets {

    @PersistenceContext
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String getOrCreate(String name) {
        em.createNativeQuery("INSERT IGNORE INTO server_secrets (name, value) VALUES (?, ?)")
                .setParameter(1, name)
                .setParameter(2, Secrets.randomHex(32))
                .executeUpdate();
        return em.find(ServerSecret.class, name).value();
    }
}
