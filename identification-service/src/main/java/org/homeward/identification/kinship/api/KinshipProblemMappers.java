package org.homeward.identification.kinship.api;

import jakarta.ws.rs.core.Response;
import org.homeward.identification.kinship.engine.JointIdentification;
import org.homeward.identification.kinship.engine.Pedigree;
import org.homeward.identification.kinship.engine.StrProfile;
import org.homeward.platform.problem.Problem;
import org.homeward.platform.problem.ProblemType;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The kinship engine's refusals as problems: a malformed profile is a 400 naming each locus, a pedigree it cannot evaluate a 422. */
public class KinshipProblemMappers {

    @ServerExceptionMapper
    public Response malformed(StrProfile.Malformed e) {
        return Problem.of(ProblemType.VALIDATION_FAILED, "The STR profile was refused; nothing was stored",
                e.errors().stream().map(error -> new Problem.Violation(error.field(), error.message())).toList()).toResponse();
    }

    @ServerExceptionMapper
    public Response pedigree(Pedigree.Refused e) {
        return Problem.of(ProblemType.RULE_VIOLATION, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response tooLarge(JointIdentification.TooLarge e) {
        return Problem.of(ProblemType.RULE_VIOLATION, e.getMessage()).toResponse();
    }
}
