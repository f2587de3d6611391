package org.homeward.console.pages;

import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.NewCookie;
import org.homeward.console.i18n.Languages;
import org.homeward.console.signin.SignInMode;

/** What every page shares: the language its messages are rendered in, and how the console sets cookies. */
@RequestScoped
public class Pages {

    private final Languages languages;
    private final SignInMode mode;

    Pages(Languages languages, SignInMode mode) {
        this.languages = languages;
        this.mode = mode;
    }

    /** The template in the person's language (the message bundles {@code msg}, {@code msg_uk}, {@code msg_ru}). */
    public TemplateInstance localised(TemplateInstance page) {
        return page.setLocale(languages.locale());
    }

    /**
     * A cookie scripts cannot read (HttpOnly), sent to this site only (SameSite=Strict), and only over HTTPS
     * outside the local platform (Secure).
     */
    public NewCookie cookie(String name, String value, int maxAgeSeconds) {
        return new NewCookie.Builder(name).value(value).path("/").maxAge(maxAgeSeconds).httpOnly(true)
                .secure(!mode.local()).sameSite(NewCookie.SameSite.STRICT).build();
    }
}
