package dev.steadfast.impl.it.faces;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bean of {@code FacesWildFlyIT}'s guessing page, request-scoped as docs/migration.md advises: what must outlive
 * the request (the number of tries) goes into the session through Faces' session map, as an Integer the cookie can
 * hold. {@link #remember()} does what a cookie session cannot store: it puts a map into the session, then an
 * {@code Object[]} into that map, after {@code setAttribute} has returned.
 */
@Named("guess")
@RequestScoped
public class GuessBean {

    /** The session attribute counting the tries. */
    public static final String TRIES = "guess.tries";

    /** The session attribute {@link #remember()} fills with something unstorable. */
    public static final String HISTORY = "guess.history";

    private Integer number;

    public Integer getNumber() {
        return number;
    }

    public void setNumber(Integer number) {
        this.number = number;
    }

    /** @return the tries so far in this session */
    public int getTries() {
        Object tries = session().get(TRIES);
        return tries instanceof Integer i ? i : 0;
    }

    /** Counts a try; stays on the page. */
    public String submit() {
        session().put(TRIES, getTries() + 1);
        return null;
    }

    /** Stores the guess the way server-side state saving stores views: as Object[] in a map already in the session. */
    public String remember() {
        Map<String, Object> history = new LinkedHashMap<>();
        session().put(HISTORY, history);
        history.put("last", new Object[] {number, "guess-never-shown"});
        return null;
    }

    private static Map<String, Object> session() {
        return FacesContext.getCurrentInstance().getExternalContext().getSessionMap();
    }
}
