package org.homeward.platform.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One line of the audit log: who (subject, organisation, party), did what, to which record, when and for
 * which declared purpose. The application's database role may insert and read these rows, never change
 * or delete them (granted so by the migrations).
 */
@Entity
@Table(name = "audit_log")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "actor_subject", nullable = false)
    public String actorSubject;

    @Column(name = "actor_organisation", nullable = false)
    public String actorOrganisation;

    @Column(name = "actor_party")
    public String actorParty;

    @Column(name = "action", nullable = false)
    public String action;

    @Column(name = "resource_type", nullable = false)
    public String resourceType;

    @Column(name = "resource_id")
    public String resourceId;

    @Column(name = "purpose", nullable = false)
    public String purpose;
}
