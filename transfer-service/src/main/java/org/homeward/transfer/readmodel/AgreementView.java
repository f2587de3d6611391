package org.homeward.transfer.readmodel;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * transfer-service's projection of one agreement: the last public state it was told, and the sequence
 * number of that state. Only agreement events change it.
 */
@Entity
@Table(name = "agreement_view")
public class AgreementView {

    @Id
    @Column(name = "agreement_id")
    public UUID agreementId;

    @Column(nullable = false)
    public long sequence;

    @Column(nullable = false)
    public String reference;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String status;

    /** The agreement's full public state as last published. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String state;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agreement_view_scope", joinColumns = @JoinColumn(name = "agreement_id"))
    public Set<ScopeEntry> scope = new HashSet<>();
}
