package org.homeward.identification.kinship.application;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.homeward.identification.kinship.engine.IdentificationPolicy;

import java.util.HashMap;
import java.util.Map;

/**
 * The parties' identification policies (homeward.kinship.identification-policy."PARTY".*), read and checked at
 * start-up: a bad one stops the service before readiness instead of failing every matching job of its party.
 */
@Startup
@ApplicationScoped
public class IdentificationPolicies {

    private final Map<String, IdentificationPolicy> byParty = new HashMap<>();

    public IdentificationPolicies(KinshipConfig config) {
        config.identificationPolicy().forEach((party, policy) -> {
            String property = "homeward.kinship.identification-policy.\"" + party + "\"";
            if (!party.matches("[A-Z]{2}")) {
                throw new IllegalStateException(property + ": a party is named by its two capital letters (UA, RU)");
            }
            try {
                byParty.put(party, new IdentificationPolicy(policy.firstDegreeRelatives(), policy.orOneRelativeByMethods()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(property + ": " + e.getMessage(), e);
            }
        });
    }

    /** The party's policy; NONE for a party that states none. */
    public IdentificationPolicy of(String party) {
        return byParty.getOrDefault(party, IdentificationPolicy.NONE);
    }
}
