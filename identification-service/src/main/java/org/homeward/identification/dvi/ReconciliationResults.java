package org.homeward.identification.dvi;

import org.homeward.identification.cases.EstablishedIdentity;
import org.homeward.identification.cases.IdentificationMethod;

import java.util.UUID;

/**
 * The one door through which the cases feature reads the reconciliation (ArchitectureTest keeps it the only one): an
 * identification by odontology, fingerprints or combined methods rests on the reconciliation's evidence for the
 * person it names, as a DNA identification rests on its candidate.
 */
public interface ReconciliationResults {

    /**
     * The case's reconciliation with the person, as a proposal by {@code method} quotes it. Refused (422, saying why)
     * when it does not carry the method: the person is excluded, or ODONTOLOGY or FINGERPRINTS is not among his
     * primary identifiers, or (COMBINED) he has none and {@code dnaOfThePerson} is false. A person of another party's
     * register, or none, is 422 too, and so is an {@code established} identity whose service number or date of birth
     * contradicts his register entry: the proposal names the person the reconciliation found, nobody else.
     */
    String quoteForProposal(UUID caseId, UUID personId, IdentificationMethod method, boolean dnaOfThePerson,
                            EstablishedIdentity established);
}
