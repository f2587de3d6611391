package org.homeward.console.signin;

import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local sign-in's sessions: a random id in the cookie, the user and the token in this process's memory
 * only (they end with it, as a local platform's do). A session lasts as long as its token.
 */
@ApplicationScoped
public class LocalSessions {

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;

    LocalSessions() {
        this(Clock.systemUTC());
    }

    LocalSessions(Clock clock) {
        this.clock = clock;
    }

    record Session(ConsoleUser user, Instant endsAt) {
    }

    /** Starts a session and answers its id (256 random bits). */
    public String start(ConsoleUser user, Instant endsAt) {
        sessions.values().removeIf(session -> !session.endsAt().isAfter(clock.instant()));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(id, new Session(user, endsAt));
        return id;
    }

    public Optional<ConsoleUser> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        if (session == null || !session.endsAt().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(session.user());
    }

    public void end(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }
}
