package dev.steadfast.avatar;

import java.util.Arrays;
import java.util.Optional;

/**
 * The avatars to pick from: inline SVG, so the application needs no static files. Public, with public methods, so
 * that the JSPs' EL can call them ({@code ${a.id()}}, {@code ${a.svg(96)}}).
 */
public enum Avatar {

    FOX("Fox", "<polygon points='22,18 48,46 26,62' fill='#e8671c'/><polygon points='98,18 72,46 94,62' fill='#e8671c'/>"
            + "<circle cx='60' cy='66' r='38' fill='#f28a30'/>"
            + "<path d='M26 70 Q60 122 94 70 Q60 86 26 70Z' fill='#fff5ea'/>"
            + "<circle cx='45' cy='60' r='5' fill='#222'/><circle cx='75' cy='60' r='5' fill='#222'/>"
            + "<ellipse cx='60' cy='84' rx='7' ry='5' fill='#222'/>"),
    OWL("Owl", "<ellipse cx='60' cy='66' rx='40' ry='46' fill='#8a5a3b'/>"
            + "<polygon points='24,22 40,34 28,44' fill='#6b4429'/><polygon points='96,22 80,34 92,44' fill='#6b4429'/>"
            + "<circle cx='43' cy='56' r='16' fill='#fff'/><circle cx='77' cy='56' r='16' fill='#fff'/>"
            + "<circle cx='43' cy='56' r='7' fill='#222'/><circle cx='77' cy='56' r='7' fill='#222'/>"
            + "<polygon points='54,72 66,72 60,84' fill='#f2a900'/>"
            + "<ellipse cx='60' cy='98' rx='22' ry='10' fill='#c8a27c'/>"),
    CAT("Cat", "<polygon points='24,16 50,40 24,56' fill='#7d7f86'/><polygon points='96,16 70,40 96,56' fill='#7d7f86'/>"
            + "<circle cx='60' cy='66' r='40' fill='#9a9ca3'/>"
            + "<ellipse cx='45' cy='60' rx='7' ry='9' fill='#7bc043'/><ellipse cx='75' cy='60' rx='7' ry='9' fill='#7bc043'/>"
            + "<ellipse cx='45' cy='60' rx='2' ry='7' fill='#222'/><ellipse cx='75' cy='60' rx='2' ry='7' fill='#222'/>"
            + "<polygon points='55,76 65,76 60,82' fill='#e78fa0'/>"
            + "<path d='M20 78 L46 82 M20 88 L46 86 M100 78 L74 82 M100 88 L74 86' stroke='#333' stroke-width='2'/>"),
    FROG("Frog", "<circle cx='38' cy='36' r='16' fill='#4caf50'/><circle cx='82' cy='36' r='16' fill='#4caf50'/>"
            + "<ellipse cx='60' cy='72' rx='46' ry='36' fill='#5cc45f'/>"
            + "<circle cx='38' cy='36' r='8' fill='#fff'/><circle cx='82' cy='36' r='8' fill='#fff'/>"
            + "<circle cx='38' cy='36' r='4' fill='#222'/><circle cx='82' cy='36' r='4' fill='#222'/>"
            + "<path d='M34 80 Q60 102 86 80' stroke='#1f5e22' stroke-width='4' fill='none'/>"
            + "<circle cx='32' cy='74' r='5' fill='#f4a3a3'/><circle cx='88' cy='74' r='5' fill='#f4a3a3'/>");

    private final String label;
    private final String shapes;

    Avatar(String label, String shapes) {
        this.label = label;
        this.shapes = shapes;
    }

    /** The value kept in the session and sent by the form: {@code fox}, {@code owl}, ... */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String label() {
        return label;
    }

    /** @return the avatar as an inline SVG element of {@code size} pixels */
    public String svg(int size) {
        return "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 120 120' width='" + size + "' height='" + size
                + "' role='img' aria-label='" + label + "'><title>" + label + "</title>" + shapes + "</svg>";
    }

    static Optional<Avatar> byId(String id) {
        return Arrays.stream(values()).filter(a -> a.id().equals(id)).findFirst();
    }
}
