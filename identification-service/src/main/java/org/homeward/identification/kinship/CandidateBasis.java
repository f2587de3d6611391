package org.homeward.identification.kinship;

import java.util.Map;

/**
 * What a DNA candidate's numbers rest on, so that any of them can be recomputed years later by another
 * laboratory: the population and its frequency table (name and SHA-256 of its bytes), the mutation model
 * and its rates, θ, the prior, how many loci were compared, and the version of the engine that computed it.
 */
public record CandidateBasis(String population, String frequencyTable, String frequencyTableSha256,
                             String mutationModel, double mutationRate, Map<String, Double> locusMutationRates,
                             double theta, double prior, int lociCompared, String engineVersion) {

    public CandidateBasis {
        locusMutationRates = Map.copyOf(locusMutationRates);
    }
}
