package org.homeward.console.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.homeward.console.signin.CurrentUser;

/** The start page: what the signed-in person's roles let them open. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home();
    }

    private final CurrentUser currentUser;
    private final Pages pages;

    HomePage(CurrentUser currentUser, Pages pages) {
        this.currentUser = currentUser;
        this.pages = pages;
    }

    @GET
    public TemplateInstance home() {
        currentUser.get();
        return pages.localised(Templates.home());
    }
}
