package org.homeward.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.homeward.platform.persistence.RerunsLostRaces;
import org.homeward.platform.problem.ProblemException;
import org.homeward.platform.problem.ProblemType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Idempotency-Key handling for creating POSTs (IETF httpapi-idempotency-key draft), scoped per
 * organisation and endpoint. The key is stored in the same transaction as the effect, so either both
 * exist or neither does. A transaction-scoped advisory lock on the key tells a concurrent duplicate that
 * the first request is still in flight (409) instead of letting it wait or run twice.
 */
@ApplicationScoped
@RerunsLostRaces
public class IdempotentCreation {

    public static final String HEADER = "Idempotency-Key";
    /** Prefix of a stored body that is encrypted; a JSON document never starts with it. */
    static final String SEALED = "sealed:v1:";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final EntityManager entityManager;
    private final ObjectMapper responseMapper;
    private final ObjectMapper canonicalMapper;
    private final IdempotencyConfig config;
    private final Instance<ReplaySecrets> replaySecrets;

    public IdempotentCreation(EntityManager entityManager, ObjectMapper responseMapper, IdempotencyConfig config,
                              Instance<ReplaySecrets> replaySecrets) {
        this.entityManager = entityManager;
        this.responseMapper = responseMapper;
        this.config = config;
        this.replaySecrets = replaySecrets;
        this.canonicalMapper = JsonMapper.builder()
                .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .findAndAddModules()
                .build();
    }

    /**
     * Runs {@code action} at most once per key and answers 201 with its result; a repeat with the same
     * request replays the stored response, a repeat with a different request answers 422. Without a key
     * the action simply runs.
     */
    @Transactional
    public Response create(String organisation, String endpoint, String key, Object request,
                           Supplier<CreatedResource> action) {
        if (key == null) {
            return created(action.get());
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw new ProblemException(ProblemType.BAD_REQUEST,
                    "Idempotency-Key must be 1 to 255 visible ASCII characters");
        }
        String requestHash = hash(request);
        IdempotencyRecord.Key id = new IdempotencyRecord.Key(organisation, endpoint, key);
        lockOrRejectInFlight(id);
        IdempotencyRecord existing = entityManager.find(IdempotencyRecord.class, id);
        if (existing != null && existing.createdAt.isAfter(Instant.now().minus(config.retention()))) {
            if (!existing.requestHash.equals(requestHash)) {
                throw new ProblemException(ProblemType.IDEMPOTENCY_MISMATCH,
                        "Use a new Idempotency-Key for a different request");
            }
            return replay(existing);
        }
        if (existing != null) {
            entityManager.remove(existing);
            entityManager.flush();
        }
        CreatedResource result = action.get();
        IdempotencyRecord record = new IdempotencyRecord();
        record.key = id;
        record.requestHash = requestHash;
        record.responseStatus = Response.Status.CREATED.getStatusCode();
        record.responseBody = stored(serialise(responseMapper, result.representation()), result.carriesSecret(), id);
        record.location = result.location().toString();
        record.createdAt = Instant.now();
        entityManager.persist(record);
        return created(result);
    }

    @Scheduled(every = "${homeward.idempotency.purge-every:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void purgeExpired() {
        entityManager.createQuery("delete from IdempotencyRecord r where r.createdAt < :cutoff")
                .setParameter("cutoff", Instant.now().minus(config.retention()))
                .executeUpdate();
    }

    private void lockOrRejectInFlight(IdempotencyRecord.Key id) {
        Object locked = entityManager
                .createNativeQuery("select pg_try_advisory_xact_lock(hashtextextended(:lockName, 0))")
                .setParameter("lockName", "idempotency|" + id.organisation() + "|" + id.endpoint() + "|" + id.idempotencyKey())
                .getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            throw new ProblemException(ProblemType.IDEMPOTENCY_IN_FLIGHT,
                    "Retry when the first request with this Idempotency-Key has finished");
        }
    }

    private static Response created(CreatedResource result) {
        return Response.created(result.location()).entity(result.representation()).type(MediaType.APPLICATION_JSON).build();
    }

    /** A response with a secret rests encrypted, marked so a replay knows to decrypt it. */
    private String stored(String body, boolean carriesSecret, IdempotencyRecord.Key id) {
        if (!carriesSecret) {
            return body;
        }
        if (!replaySecrets.isResolvable()) {
            throw new IllegalStateException("A response carrying a secret needs a ReplaySecrets bean to be stored");
        }
        return SEALED + replaySecrets.get().encrypt(body, place(id));
    }

    /** Where a sealed response rests: its record, so a copy moved under another key does not replay. */
    private static String place(IdempotencyRecord.Key id) {
        return "idempotency_record.response_body|" + id.organisation() + "|" + id.endpoint() + "|" + id.idempotencyKey();
    }

    private Response replay(IdempotencyRecord record) {
        String body = record.responseBody.startsWith(SEALED)
                ? replaySecrets.get().decrypt(record.responseBody.substring(SEALED.length()), place(record.key))
                : record.responseBody;
        Response.ResponseBuilder response = Response.status(record.responseStatus)
                .entity(body)
                .type(MediaType.APPLICATION_JSON)
                .header("Idempotent-Replayed", "true");
        if (record.location != null) {
            response.location(java.net.URI.create(record.location));
        }
        return response.build();
    }

    private String hash(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(serialise(canonicalMapper, request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String serialise(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A response or request DTO could not be serialised", e);
        }
    }
}
