package org.homeward.platform.messaging.testapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.homeward.platform.messaging.CloudEvent;
import org.homeward.platform.messaging.replay.RebuildableReadModel;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The test application's consumer: one row per applied event. A negative value breaks the table's CHECK
 * constraint; a thing listed in {@link #failing} makes the handler throw, as a bug for that record would.
 * Each row depends on its event only, so the table can be dropped and rebuilt from the topic.
 */
@ApplicationScoped
public class ThingEffects implements RebuildableReadModel {

    public static final String CONSUMER = "platform-test.thing-effects";

    /** Things whose events the handler currently fails on (tests switch a bug on and off). */
    public static final Set<String> failing = ConcurrentHashMap.newKeySet();

    private final EntityManager entityManager;

    public ThingEffects(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public String topic() {
        return ThingEvents.TOPIC;
    }

    @Override
    public void clear() {
        entityManager.createNativeQuery("delete from thing_effect").executeUpdate();
    }

    @Override
    public void handle(CloudEvent event) {
        String thing = event.data().path("thingId").asText();
        if (failing.contains(thing)) {
            throw new IllegalStateException("handler bug for this record");
        }
        entityManager.createNativeQuery("insert into thing_effect (event_id, aggregate_id, value) values (:id, :thing, :value)")
                .setParameter("id", event.id())
                .setParameter("thing", thing)
                .setParameter("value", event.data().path("value").asInt())
                .executeUpdate();
    }
}
