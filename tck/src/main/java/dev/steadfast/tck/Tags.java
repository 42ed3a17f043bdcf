package dev.steadfast.tck;

/** The JUnit tags of the kit, for runners that select by tag ({@code <groups>} in Surefire and Failsafe). */
public final class Tags {

    /** Tests that need no container: {@link SteadfastSpiTest}. */
    public static final String SPI = "steadfast-spi";
    /** Tests that deploy to a container: {@link SteadfastContainerTest}. */
    public static final String CONTAINER = "steadfast-container";

    private Tags() {
    }
}
