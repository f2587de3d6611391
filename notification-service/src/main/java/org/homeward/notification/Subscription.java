package org.homeward.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.homeward.platform.domain.InvalidTransition;
import org.homeward.platform.domain.RuleViolation;
import org.homeward.platform.security.Roles;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BinaryOperator;

/**
 * An organisation's webhook endpoint and what it wants to hear about. The signing secret is held only
 * sealed, bound to this subscription (a sealed secret copied to another row does not open); during a rotation
 * the previous secret stays valid (and is signed with) until its overlap ends. The seal and open functions
 * take the value and its place.
 */
@Entity
@Table(name = "subscription")
public class Subscription {

    private static final String AUDIT_EVENTS = "audit.";
    private static final Set<String> READER_ROLES = Set.of(Roles.COORDINATOR, Roles.FORENSIC_EXAMINER, Roles.MEDIATOR,
            Roles.INTERMEDIARY, Roles.OBSERVER, Roles.AUDITOR);

    @Id
    private UUID id;

    @Column(nullable = false)
    private String organisation;

    private String party;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Audience audience;

    /**
     * The roles of the admin who created or last updated it that read through the APIs (coordinator, examiner,
     * mediator, intermediary, observer, auditor): what it is told of a case follows what they could read.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "reader_roles", nullable = false)
    private List<String> readerRoles = List.of();

    @Column(nullable = false)
    private String url;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "event_types", nullable = false)
    private List<String> eventTypes;

    @Column(name = "agreement_filter")
    private UUID agreementFilter;

    @Column(name = "party_filter")
    private String partyFilter;

    private String description;

    @Column(name = "rate_limit_per_second", nullable = false)
    private int rateLimitPerSecond;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SubscriptionStatus status;

    @Column(name = "status_reason")
    private String statusReason;

    @Column(name = "secret_encrypted", nullable = false)
    private String secretEncrypted;

    @Column(name = "previous_secret_encrypted")
    private String previousSecretEncrypted;

    @Column(name = "previous_secret_valid_until")
    private Instant previousSecretValidUntil;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_success_at")
    private Instant lastSuccessAt;

    @Column(name = "failing_since")
    private Instant failingSince;

    @Version
    private long version;

    protected Subscription() {
        // for JPA
    }

    public Subscription(String organisation, String party, Audience audience, Set<String> readerRoles,
                        SubscriptionSettings settings, String secret, BinaryOperator<String> seal, Instant now) {
        this.id = UUID.randomUUID();
        this.organisation = organisation;
        this.party = party;
        this.audience = audience;
        this.status = SubscriptionStatus.ACTIVE;
        this.secretEncrypted = seal.apply(secret, secretPlace());
        this.createdAt = now;
        update(settings, readerRoles);
    }

    /** Whether any of these roles reads cases through the APIs (else no case event would ever be told). */
    public static boolean holdsReadingRole(Set<String> roles) {
        return roles.stream().anyMatch(READER_ROLES::contains);
    }

    /** New settings, read from now on with the roles of the admin who changed them. */
    public void update(SubscriptionSettings settings, Set<String> readerRoles) {
        this.readerRoles = readerRoles.stream().filter(READER_ROLES::contains).sorted().toList();
        for (String pattern : settings.eventTypes()) {
            if (!EventTypeFilter.isValid(pattern)) {
                throw new RuleViolation("eventTypes", "Use exact event types or prefixes such as transfer.*");
            }
        }
        this.url = settings.url();
        this.eventTypes = List.copyOf(settings.eventTypes());
        this.agreementFilter = settings.agreementFilter();
        this.partyFilter = settings.partyFilter();
        this.description = settings.description();
        this.rateLimitPerSecond = settings.rateLimitPerSecond();
    }

    /**
     * How much of an event this subscription is told: nothing unless it wants the event (type, filters) and
     * its party or organisation is in the event's scope; then what its roles could read through the APIs.
     */
    public Sight sight(EventFacts event) {
        if (event.type().startsWith(AUDIT_EVENTS)) {
            // The audit chain's anchors name no party or organisation: they are the auditors', wherever they are.
            return status != SubscriptionStatus.DISABLED && EventTypeFilter.matches(eventTypes, event.type())
                    && readerRoles.contains(Roles.AUDITOR) ? Sight.FULL : Sight.NONE;
        }
        boolean wanted = status != SubscriptionStatus.DISABLED
                && EventTypeFilter.matches(eventTypes, event.type())
                && (agreementFilter == null || agreementFilter.equals(event.agreementId()))
                && (partyFilter == null || event.scope().parties().contains(partyFilter))
                && audience.mayReceive(event.type(), event.scope(), party, organisation);
        if (!wanted) {
            return Sight.NONE;
        }
        if (audience == Audience.COUNTS_ONLY) {
            return audience.isToldOnlyCounts(event.type()) ? Sight.COUNTS : Sight.FULL;
        }
        return CaseReaders.sight(event, organisation, party, Set.copyOf(readerRoles));
    }

    public void pause() {
        requireNotDisabled("pause");
        status = SubscriptionStatus.PAUSED;
    }

    /** Resuming also re-enables an endpoint that was disabled, once its owner has fixed it. */
    public void resume() {
        status = SubscriptionStatus.ACTIVE;
        statusReason = null;
        failingSince = null;
    }

    public void disable(String reason) {
        status = SubscriptionStatus.DISABLED;
        statusReason = reason;
    }

    public void rotateSecret(String newSecret, BinaryOperator<String> seal, Instant previousValidUntil) {
        previousSecretEncrypted = secretEncrypted;
        previousSecretValidUntil = previousValidUntil;
        secretEncrypted = seal.apply(newSecret, secretPlace());
    }

    /** Seals both secrets again as they are (a rotated encryption key, or a secret sealed before binding). */
    public void resealed(BinaryOperator<String> open, BinaryOperator<String> seal) {
        secretEncrypted = seal.apply(open.apply(secretEncrypted, secretPlace()), secretPlace());
        if (previousSecretEncrypted != null) {
            previousSecretEncrypted = seal.apply(open.apply(previousSecretEncrypted, secretPlace()), secretPlace());
        }
    }

    /** Both columns share the place: a rotation moves the current secret into the previous one. */
    private String secretPlace() {
        return "subscription.secret|" + id + "|" + organisation;
    }

    public void recordSuccess(Instant now) {
        lastSuccessAt = now;
        failingSince = null;
    }

    /** A failed attempt; an endpoint with no success for {@code disableAfter} is disabled. Returns whether it was. */
    public boolean recordFailure(Instant now, Duration disableAfter) {
        if (failingSince == null) {
            failingSince = now;
        }
        if (status != SubscriptionStatus.DISABLED && !failingSince.plus(disableAfter).isAfter(now)) {
            disable("No successful delivery since " + failingSince);
            return true;
        }
        return false;
    }

    /** The secrets to sign with now, opened: the current one, and the previous one during its overlap. */
    public List<String> signingSecrets(Instant now, BinaryOperator<String> open) {
        List<String> sealed = previousSecretEncrypted != null && previousSecretValidUntil != null
                && previousSecretValidUntil.isAfter(now) ? List.of(secretEncrypted, previousSecretEncrypted)
                : List.of(secretEncrypted);
        return sealed.stream().map(value -> open.apply(value, secretPlace())).toList();
    }

    private void requireNotDisabled(String action) {
        if (status == SubscriptionStatus.DISABLED) {
            throw new InvalidTransition("Cannot " + action + " a DISABLED subscription; resume it instead");
        }
    }

    public UUID id() { return id; }
    public String organisation() { return organisation; }
    public String party() { return party; }
    public Audience audience() { return audience; }
    public String url() { return url; }
    public List<String> readerRoles() { return readerRoles; }
    public List<String> eventTypes() { return eventTypes; }
    public UUID agreementFilter() { return agreementFilter; }
    public String partyFilter() { return partyFilter; }
    public String description() { return description; }
    public int rateLimitPerSecond() { return rateLimitPerSecond; }
    public SubscriptionStatus status() { return status; }
    public String statusReason() { return statusReason; }
    public Instant createdAt() { return createdAt; }
    public Instant lastSuccessAt() { return lastSuccessAt; }
    public Instant failingSince() { return failingSince; }
    public Instant previousSecretValidUntil() { return previousSecretValidUntil; }
    public long version() { return version; }
}
