package dev.steadfast.tck;

/** The JUnit tags of the kit, for runners that select by tag ({@code <groups>} in Surefire and Failsafe). */
public final class Tags {

    /** Tests that need no container: {@link SteadfastSpiTest}. */
    public static final String SPI = "steadfast-spi";
    /** Tests that deploy to a container: {@link SteadfastContainerTest}. */
    public static final String CONTAINER = "steadfast-container";
    /**
     * Container tests that deploy a Jakarta Faces application (besides {@link #CONTAINER}); see
     * {@code dev.steadfast.tck.support.FacesWars} for where Faces comes from and how a runner without it skips them.
     */
    public static final String FACES = "steadfast-faces";

    private Tags() {
    }
}
