package dev.steadfast.tck.app;

import jakarta.enterprise.context.SessionScoped;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code @SessionScoped} bean, the way applications wrote them before Steadfast: the CDI implementation keeps its
 * instances in the container's own session, which the implementation must report (CONTAINER-2).
 */
@SessionScoped
public class CartBean implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<String> items = new ArrayList<>();

    /** @return the items added so far */
    public List<String> items() {
        return items;
    }
}
