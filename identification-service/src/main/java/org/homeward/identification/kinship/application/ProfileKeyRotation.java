package org.homeward.identification.kinship.application;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.homeward.identification.kinship.DnaProfile;
import org.homeward.identification.kinship.LineageProfile;
import org.homeward.identification.kinship.KinshipCandidate;
import org.homeward.platform.crypto.Resealing;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Moves every sealed genotype and per-locus ratio to the current profile key, bound to its row: after a key
 * rotation (the old key listed under homeward.kinship.retired-profile-keys) and for values sealed before
 * binding. Runs every homeward.kinship.reseal-every; the gauge says how many rows are left, so an operator
 * knows when a retired key may be removed.
 */
@ApplicationScoped
public class ProfileKeyRotation {

    private final EntityManager entityManager;
    private final KinshipEngine engine;
    private final AtomicLong notCurrent = new AtomicLong();

    public ProfileKeyRotation(EntityManager entityManager, KinshipEngine engine, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.engine = engine;
        Gauge.builder("homeward.kinship.sealed-values.not-current", notCurrent, AtomicLong::get)
                .description("DNA profiles, lineage typings (Y-STR, mtDNA) and candidates holding a value not sealed with the current profile key")
                .register(registry);
    }

    @Scheduled(every = "${homeward.kinship.reseal-every:10m}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void resealAll() {
        String prefix = engine.currentSealPrefix();
        Resealing.Outcome profiles = Resealing.pass(entityManager, prefix, new Resealing.Rows("dna_profile",
                "exists (select 1 from jsonb_each_text(loci) l where left(l.value, :length) <> :prefix)",
                id -> entityManager.find(DnaProfile.class, id).resealed(engine::unseal, engine::seal)));
        Resealing.Outcome candidates = Resealing.pass(entityManager, prefix, new Resealing.Rows("kinship_candidate",
                "left(per_locus, :length) <> :prefix",
                id -> entityManager.find(KinshipCandidate.class, id).resealed(engine::unseal, engine::seal)));
        Resealing.Outcome haplotypes = Resealing.pass(entityManager, prefix, new Resealing.Rows("lineage_profile",
                "exists (select 1 from jsonb_each_text(markers) l where left(l.value, :length) <> :prefix)",
                id -> entityManager.find(LineageProfile.class, id).resealed(engine::unseal, engine::seal)));
        notCurrent.set(profiles.notCurrent() + candidates.notCurrent() + haplotypes.notCurrent());
    }
}
