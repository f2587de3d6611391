package org.homeward.identification.kinship.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.homeward.identification.kinship.application.KinshipCalculations;
import org.homeward.identification.kinship.engine.JointIdentification;
import org.homeward.identification.kinship.engine.MutationModel;
import org.homeward.identification.kinship.engine.Pedigree;
import org.homeward.platform.security.Roles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Path("/api/v1/kinship")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "DNA kinship calculations", description = "Likelihood ratios on submitted profiles, locus by locus (examiners)")
public class KinshipResource {

    private final KinshipCalculations calculations;

    public KinshipResource(KinshipCalculations calculations) {
        this.calculations = calculations;
    }

    /**
     * Locus -> one or two allele labels; for a degraded sample, its allele drop-out probability (one allele
     * read may then hide a second that did not show).
     */
    public record Profile(@NotNull @Size(min = 1, max = 60)
                          Map<@NotBlank @Size(max = 40) String, @NotNull @Size(min = 1, max = 2)
                                  List<@NotNull @Size(max = 8) String>> loci,
                          @DecimalMin("0") @DecimalMax("0.9") Double dropout) {
        KinshipCalculations.Alleles toAlleles() {
            return new KinshipCalculations.Alleles(loci, dropout == null ? 0 : dropout);
        }
    }

    public record Member(@NotBlank @Size(max = 64) String id, @Size(max = 64) String father,
                         @Size(max = 64) String mother, Pedigree.Sex sex) {
        Pedigree.Member toDomain() {
            return new Pedigree.Member(id, father, mother, sex);
        }
    }

    /** The missing person's place in a pedigree: up to 30 members, no loops; typed members by id. */
    public record PedigreeInput(@NotNull @Size(min = 2, max = 30) List<@Valid @NotNull Member> members,
                                @NotBlank @Size(max = 64) String missing,
                                @NotNull @Size(min = 1, max = 30) Map<@NotBlank String, @Valid @NotNull Profile> typed) {
    }

    /** NONE, EQUAL, PROPORTIONAL or STEPWISE; the rate per meiosis (default 0.002), per-locus rates, stepwise range. */
    public record MutationInput(@NotNull MutationModel.Kind model,
                                @DecimalMin("0") @DecimalMax("0.49") Double rate,
                                @Size(max = 60) Map<@NotBlank String, @NotNull @DecimalMin("0") @DecimalMax("0.49") Double> locusRates,
                                @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false) Double range,
                                @DecimalMin("0") @DecimalMax("0.49") Double microvariantRate) {
        MutationModel toDomain() {
            return new MutationModel(model, rate == null ? MutationModel.DEFAULT_RATE : rate, locusRates,
                    range == null ? 0.1 : range, microvariantRate == null ? 1e-6 : microvariantRate);
        }
    }

    public record LikelihoodRatioRequest(@Valid @NotNull Profile candidate, @Size(max = 20) String relationship,
                                         @Valid Profile reference, @Valid Profile father, @Valid Profile mother,
                                         @Valid PedigreeInput pedigree,
                                         @DecimalMin("0") @DecimalMax("0.49") Double theta, @Valid MutationInput mutation,
                                         @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false) Double prior,
                                         @Size(max = 200_000) String frequencyTable,
                                         @DecimalMin("0") @DecimalMax("0.2") Double silentAlleleFrequency) {
    }

    public record LocusRatio(String locus, double lr) {
    }

    public record LikelihoodRatioResponse(double lr, double log10Lr, int lociCompared, List<LocusRatio> perLocus,
                                          String method, Double posterior, Double prior, String population, double theta,
                                          MutationModel mutation, double silentAlleleFrequency) {
    }

    @POST
    @Path("/likelihood-ratio")
    @RolesAllowed(Roles.FORENSIC_EXAMINER)
    @Operation(summary = "Likelihood ratio 'related as stated' vs 'unrelated', per locus and in total",
            description = "Ask one of: relationship (IDENTITY, PARENT, CHILD, FULL_SIBLING, HALF_SIBLING, GRANDPARENT,"
                    + " UNCLE_OR_AUNT, FIRST_COUSIN: the reference's relation to the missing person, the candidate) with"
                    + " reference; relationship TRIO with father and mother; or pedigree (members with father/mother ids,"
                    + " the missing member, typed members' profiles), evaluated exactly as one pedigree likelihood"
                    + " (loops refused with 422). theta (F_ST) applies everywhere: closed forms for pairs without"
                    + " mutation, founders drawn from one subpopulation in pedigrees (422 when that means more joint"
                    + " founder genotypes than can be enumerated); mutation defaults to the service's model; a"
                    + " profile's dropout is its allele drop-out probability (degraded samples; no drop-in);"
                    + " silentAlleleFrequency adds a silent allele; prior gives a posterior; frequencyTable"
                    + " (locus,allele,frequency CSV) replaces the population table. Nothing is stored; the"
                    + " computation is audited.")
    public LikelihoodRatioResponse likelihoodRatio(@Valid @NotNull LikelihoodRatioRequest request) {
        PedigreeInput pedigree = request.pedigree();
        Map<String, KinshipCalculations.Alleles> typed = null;
        if (pedigree != null) {
            typed = new LinkedHashMap<>();
            for (Map.Entry<String, Profile> entry : pedigree.typed().entrySet()) {
                typed.put(entry.getKey(), entry.getValue().toAlleles());
            }
        }
        KinshipCalculations.Answer answer = calculations.likelihoodRatio(new KinshipCalculations.Question(
                request.candidate().toAlleles(), request.relationship(), alleles(request.reference()),
                alleles(request.father()), alleles(request.mother()),
                pedigree == null ? null : pedigree.members().stream().map(Member::toDomain).toList(),
                pedigree == null ? null : pedigree.missing(), typed,
                new KinshipCalculations.Settings(request.theta(),
                        request.mutation() == null ? null : request.mutation().toDomain(), request.prior(),
                        request.frequencyTable(), request.silentAlleleFrequency())));
        List<LocusRatio> perLocus = answer.lr().perLocus().entrySet().stream()
                .map(e -> new LocusRatio(e.getKey(), e.getValue())).toList();
        return new LikelihoodRatioResponse(answer.lr().total(), Math.log10(answer.lr().total()), answer.lr().lociCompared(),
                perLocus, answer.lr().method(), answer.posterior(), request.prior(), answer.population(), answer.theta(),
                answer.mutation(), answer.silentAlleleFrequency());
    }

    public record FamilyInput(@NotBlank @Size(max = 64) String name,
                              @NotNull @Size(min = 1, max = 30) List<@Valid @NotNull Member> members,
                              @NotNull @Size(max = 30) Map<@NotBlank String, @Valid @NotNull Profile> references,
                              @NotNull @Size(min = 1, max = 5) List<@NotBlank String> missing) {
    }

    public record VictimInput(Pedigree.Sex sex, @Valid @NotNull Profile profile) {
    }

    public record JointRequest(@NotNull @Size(min = 1, max = 50) List<@Valid @NotNull FamilyInput> families,
                               @NotNull @Size(min = 1, max = 500) Map<@NotBlank String, @Valid @NotNull VictimInput> victims,
                               @Valid MutationInput mutation, @Size(max = 200_000) String frequencyTable) {
    }

    public record JointResponse(List<JointIdentification.Assignment> assignments,
                                Map<String, Map<String, Double>> pairwise) {
    }

    @POST
    @Path("/joint-identification")
    @RolesAllowed(Roles.FORENSIC_EXAMINER)
    @Operation(summary = "Victims and families with several missing persons, evaluated jointly (dvir's approach)",
            description = "Every assignment of victims to missing persons (one victim at most per person and one"
                    + " person per victim, sexes compatible), with its LR against 'nobody is identified', ranked;"
                    + " impossible ones (LR 0) left out; plus each victim's LR as each missing person alone. At most 5"
                    + " missing persons per family and 100,000 assignments (422 beyond).")
    public JointResponse joint(@Valid @NotNull JointRequest request) {
        KinshipCalculations.JointAnswer answer = calculations.joint(new KinshipCalculations.JointQuestion(
                request.families().stream().map(f -> {
                    Map<String, KinshipCalculations.Alleles> references = new LinkedHashMap<>();
                    f.references().forEach((id, p) -> references.put(id, p.toAlleles()));
                    return new KinshipCalculations.JointFamily(f.name(), f.members().stream().map(Member::toDomain).toList(),
                            references, f.missing());
                }).toList(),
                victims(request.victims()),
                request.mutation() == null ? null : request.mutation().toDomain(), request.frequencyTable()));
        return new JointResponse(answer.assignments(), answer.pairwise());
    }

    private static Map<String, KinshipCalculations.JointVictim> victims(Map<String, VictimInput> input) {
        Map<String, KinshipCalculations.JointVictim> victims = new LinkedHashMap<>();
        input.forEach((id, v) -> victims.put(id, new KinshipCalculations.JointVictim(v.sex(), v.profile().toAlleles())));
        return victims;
    }

    private static KinshipCalculations.Alleles alleles(Profile profile) {
        return profile == null ? null : profile.toAlleles();
    }

}
