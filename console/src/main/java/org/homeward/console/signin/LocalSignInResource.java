package org.homeward.console.signin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.homeward.console.pages.Pages;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The local sign-in page (with its sign-out): one picks an organisation, a party and roles, and the console mints the token
 * with the launcher's key. It exists in the local profile only ({@link SignInMode}); elsewhere these paths
 * answer 404 and the identity provider signs people in.
 */
@Path("/")
public class LocalSignInResource {

    /** The roles of the services' access rules, in the order the form offers them. */
    static final List<String> ROLES = List.of("coordinator", "mediator", "intermediary", "observer",
            "forensic-examiner", "subscriber-admin", "auditor", "operator");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern PARTY = Pattern.compile("[A-Z]{2}");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(List<String> roles, String error);
    }

    private final SignInMode mode;
    private final LocalTokens tokens;
    private final LocalSessions sessions;
    private final Pages pages;

    LocalSignInResource(SignInMode mode, LocalTokens tokens, LocalSessions sessions, Pages pages) {
        this.mode = mode;
        this.tokens = tokens;
        this.sessions = sessions;
        this.pages = pages;
    }

    @GET
    @Path("sign-in")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance form() {
        requireLocal();
        return pages.localised(Templates.signIn(ROLES, null));
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response signIn(@FormParam("subject") String subject, @FormParam("organisation") String organisation,
                           @FormParam("party") String party, @FormParam("roles") List<String> roles) {
        requireLocal();
        String normalisedParty = party == null || party.isBlank() ? null : party.trim();
        List<String> chosen = roles == null ? List.of() : new ArrayList<>(roles);
        String error = subject == null || !NAME.matcher(subject).matches() ? "subject"
                : organisation == null || !NAME.matcher(organisation).matches() ? "organisation"
                : normalisedParty != null && !PARTY.matcher(normalisedParty).matches() ? "party"
                : chosen.isEmpty() || !ROLES.containsAll(chosen) ? "roles" : null;
        if (error != null) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(pages.localised(Templates.signIn(ROLES, error))).build();
        }
        LocalTokens.Minted minted = tokens.mint(subject, organisation, normalisedParty, chosen);
        ConsoleUser user = new ConsoleUser(subject, organisation, normalisedParty, new HashSet<>(chosen),
                minted.token());
        String session = sessions.start(user, minted.expiresAt());
        return Response.seeOther(URI.create("/")).cookie(pages.cookie(CurrentUser.SESSION_COOKIE, session,
                (int) LocalTokens.LIFETIME.toSeconds())).build();
    }

    /** The identity provider's sessions end at the same path (quarkus.oidc.logout.path). */
    @POST
    @Path("sign-out")
    public Response signOut(@CookieParam(CurrentUser.SESSION_COOKIE) String session) {
        requireLocal();
        sessions.end(session);
        NewCookie gone = pages.cookie(CurrentUser.SESSION_COOKIE, "", 0);
        return Response.seeOther(URI.create("/sign-in")).cookie(gone).build();
    }

    private void requireLocal() {
        if (!mode.local()) {
            throw new NotFoundException();
        }
    }
}
