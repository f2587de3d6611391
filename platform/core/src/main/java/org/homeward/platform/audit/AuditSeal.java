package org.homeward.platform.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One link of the audit chain: the hash of an audit entry together with the hash of the link before it,
 * so that changing, removing or reordering any sealed entry breaks every later link. Append-only like the
 * log itself (the application role may not update or delete it).
 */
@Entity
@Table(name = "audit_seal")
public class AuditSeal {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "audit_id", nullable = false, unique = true)
    public Long auditId;

    @Column(name = "prev_hash", nullable = false)
    public String prevHash;

    @Column(name = "hash", nullable = false)
    public String hash;

    @Column(name = "sealed_at", nullable = false)
    public Instant sealedAt;
}
