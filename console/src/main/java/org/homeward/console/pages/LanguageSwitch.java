package org.homeward.console.pages;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.homeward.console.i18n.Languages;

import org.homeward.console.services.ServiceRefusal;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/** The language switch: remembered in a cookie, then back to the page it was used on (a path of this site only). */
@Path("/language")
public class LanguageSwitch {

    /** A local path: no scheme, no host, no "//" that a browser would read as another site. */
    private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])(?:[A-Za-z0-9/_.?=&-]|%[0-9A-Fa-f]{2})*");

    private final Pages pages;

    LanguageSwitch(Pages pages) {
        this.pages = pages;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@FormParam("to") String to, @FormParam("back") String back) {
        if (!Languages.SUPPORTED.contains(to)) {
            throw new ServiceRefusal(400, "No such language", "The console speaks " + Languages.SUPPORTED,
                    List.of(new ServiceRefusal.FieldError("to", "one of " + Languages.SUPPORTED)));
        }
        URI target = URI.create(back != null && LOCAL_PATH.matcher(back).matches() ? back : "/");
        return Response.seeOther(target).cookie(pages.cookie(Languages.COOKIE, to, 365 * 24 * 3600)).build();
    }
}
