package org.homeward.identification.register.application;

import jakarta.enterprise.context.ApplicationScoped;
import org.homeward.identification.register.MissingPerson;
import org.homeward.identification.shared.IdentificationConfig;
import org.homeward.platform.problem.ProblemException;
import org.homeward.platform.problem.ProblemType;
import org.homeward.platform.security.Caller;
import org.homeward.platform.security.Roles;

import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Who may use the register of the missing (DESIGN.md 6): a party's coordinators read its entries and
 * report to it; the forensic examiners of its identifying laboratories read it and decide its review
 * queue. Nobody else: entries of another party do not exist for the caller (404).
 */
@ApplicationScoped
public class RegisterAccess {

    private final Caller caller;
    private final IdentificationConfig config;

    public RegisterAccess(Caller caller, IdentificationConfig config) {
        this.caller = caller;
        this.config = config;
    }

    /** The parties whose register the caller may read. */
    public Set<String> readableParties() {
        Set<String> parties = new TreeSet<>();
        if (caller.hasRole(Roles.COORDINATOR)) {
            caller.party().ifPresent(parties::add);
        }
        if (caller.hasRole(Roles.FORENSIC_EXAMINER)) {
            parties.addAll(config.partiesIdentifiedBy(caller.organisation()));
        }
        return parties;
    }

    public boolean mayRead(String party) {
        return readableParties().contains(party);
    }

    /**
     * The entry found under {@code id}, if the caller may read it; else 404 as for one that does not exist, so
     * that another party's entry is not even detectable.
     */
    public MissingPerson readable(MissingPerson found, UUID id) {
        if (found == null || !mayRead(found.party())) {
            throw ProblemException.notFound("Missing person " + id);
        }
        return found;
    }

    /** Whether the caller is a coordinator of {@code party} (its own party). */
    public boolean isCoordinatorOf(String party) {
        return caller.hasRole(Roles.COORDINATOR) && party.equals(caller.party().orElse(null));
    }

    /** Reports go to the caller's own party's register, and its checks are decided, by its coordinators. */
    public void requireCoordinatorOf(String party) {
        if (!isCoordinatorOf(party)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only a coordinator of " + party + " may do this");
        }
    }

    /** Review decisions and family reference donors: the examiners of the party's laboratories. */
    public void requireLaboratoryOf(String party) {
        if (!caller.hasRole(Roles.FORENSIC_EXAMINER) || !config.identifiesFor(party, caller.organisation())) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "Only forensic examiners of a laboratory identifying for " + party + " may do this");
        }
    }

    public String organisation() {
        return caller.organisation();
    }

    public String subject() {
        return caller.subject();
    }
}
