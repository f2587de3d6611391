package org.homeward.identification.kinship.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.homeward.identification.kinship.engine.ReferenceFit;
import org.homeward.identification.register.MissingPerson;
import org.homeward.identification.register.application.RegisterAccess;
import org.homeward.platform.audit.AuditLog;

import java.util.List;
import java.util.UUID;

/**
 * A missing person's own references checked against each other (ReferenceFit), for a laboratory of his party: the same
 * check the undisputed rule applies, with the ratios, so the laboratory sees which pair to look at. Audited.
 */
@ApplicationScoped
public class ReferenceFits {

    private final EntityManager entityManager;
    private final RegisterAccess registerAccess;
    private final KinshipReferences references;
    private final KinshipEngine engine;
    private final AuditLog audit;

    public ReferenceFits(EntityManager entityManager, RegisterAccess registerAccess, KinshipReferences references,
                         KinshipEngine engine, AuditLog audit) {
        this.entityManager = entityManager;
        this.registerAccess = registerAccess;
        this.references = references;
        this.engine = engine;
        this.audit = audit;
    }

    @Transactional
    public List<ReferenceFit.Pair> of(UUID personId) {
        MissingPerson person = registerAccess.readable(entityManager.find(MissingPerson.class, personId), personId);
        registerAccess.requireLaboratoryOf(person.party());
        audit.record("kinship.reference-fit.read", "missing_person", personId.toString());
        return ReferenceFit.check(engine.matching(), references.ownDonorsOf(personId),
                engine.config().referenceFitFactor());
    }
}
