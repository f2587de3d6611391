package org.homeward.console.i18n;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.util.List;
import java.util.Locale;

/**
 * The language of this request's page: the one the person chose with the switch (a cookie), else the best
 * of the browser's Accept-Language, else English. Templates read it as {@code inject:language}.
 */
@Named("language")
@RequestScoped
public class Languages {

    public static final String COOKIE = "homeward-console-language";
    public static final List<String> SUPPORTED = List.of("en", "uk", "ru");

    private final HttpServerRequest request;
    private String chosen;

    Languages(HttpServerRequest request) {
        this.request = request;
    }

    public String code() {
        if (chosen == null) {
            Cookie cookie = request.getCookie(COOKIE);
            chosen = cookie != null && SUPPORTED.contains(cookie.getValue()) ? cookie.getValue()
                    : bestOf(request.getHeader("Accept-Language"));
        }
        return chosen;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }

    /**
     * This page's path and query, for the switch to come back to; a page that answered a form (a POST) cannot be
     * asked for again, so the switch leads to the start page from there.
     */
    public String here() {
        return request.method() == HttpMethod.GET ? request.uri() : "/";
    }

    public List<String> supported() {
        return SUPPORTED;
    }

    /** The first supported language of an Accept-Language header, by its weights. */
    static String bestOf(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return "en";
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage),
                    SUPPORTED.stream().map(Locale::forLanguageTag).toList());
            return best == null ? "en" : best.getLanguage();
        } catch (IllegalArgumentException e) {
            return "en";
        }
    }
}
