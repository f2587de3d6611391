package org.homeward.identification.cases.application;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.homeward.identification.cases.IdentificationMethod;
import org.homeward.identification.shared.IdentificationConfig;
import org.homeward.platform.domain.RuleViolation;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which parties accept an identification by VISUAL recognition or DOCUMENTS alone
 * (homeward.identification.secondary-identification-methods."PARTY"), read and checked at start-up. INTERPOL's DVI
 * Guide names fingerprints, odontology and DNA the primary identifiers: visual recognition of the dead is known to
 * err, and documents travel between bodies. So they are refused unless a party's policy says otherwise.
 */
@Startup
@ApplicationScoped
public class SecondaryMethodsPolicy {

    private static final Set<IdentificationMethod> SECONDARY = EnumSet.of(IdentificationMethod.VISUAL,
            IdentificationMethod.DOCUMENTS);

    private final Map<String, Set<IdentificationMethod>> byParty = new HashMap<>();

    public SecondaryMethodsPolicy(IdentificationConfig config) {
        config.secondaryIdentificationMethods().forEach((party, methods) -> {
            String property = "homeward.identification.secondary-identification-methods.\"" + party + "\"";
            Set<IdentificationMethod> accepted = EnumSet.noneOf(IdentificationMethod.class);
            for (String method : methods) {
                IdentificationMethod parsed;
                try {
                    parsed = IdentificationMethod.valueOf(method.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(property + ": " + method + " is no identification method", e);
                }
                if (!SECONDARY.contains(parsed)) {
                    throw new IllegalStateException(property + ": only VISUAL and DOCUMENTS need a party's leave; "
                            + parsed + " is a primary identifier or rests on one");
                }
                accepted.add(parsed);
            }
            byParty.put(party.toUpperCase(Locale.ROOT), accepted);
        });
    }

    /** Refuses (422) an identification by a secondary method the party's policy does not accept. */
    public void check(String party, IdentificationMethod method) {
        if (SECONDARY.contains(method) && !byParty.getOrDefault(party, Set.of()).contains(method)) {
            throw new RuleViolation("method", "An identification by " + method + " alone is refused: the primary"
                    + " identifiers are fingerprints, odontology and DNA, and " + party + "'s policy does not accept "
                    + method + " on its own");
        }
    }
}
