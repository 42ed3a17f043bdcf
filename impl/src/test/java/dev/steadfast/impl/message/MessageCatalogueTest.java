package dev.steadfast.impl.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import dev.steadfast.policy.Rule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the catalogue and {@code docs/messages.md} in step, the way the kit's {@code ClauseCoverageTest} keeps the
 * spec and the kit: every id the document's tables list is a {@link Message} or an api {@link Rule}, every one of
 * those is documented, each message logs at the level the document gives, and no id or logger lives outside the
 * catalogue.
 */
class MessageCatalogueTest {

    private static final Path DOC = Path.of("../docs/messages.md");
    private static final Path SOURCES = Path.of("src/main/java/dev/steadfast/impl");
    private static final Pattern ROW = Pattern.compile("^\\|\\s*(STEADFAST-[0-9]{4})\\s*\\|");
    private static final Map<String, Level> LEVELS = Map.of("INFO", Level.INFO, "WARNING", Level.WARNING,
            "ERROR", Level.SEVERE);

    /** Every documented id, with its row's cells by column name ("Level", "Rule", "Meaning"). */
    private static Map<String, Map<String, String>> documented;

    @BeforeAll
    static void read() throws IOException {
        documented = new TreeMap<>();
        List<String> columns = List.of();
        for (String line : Files.readAllLines(DOC, StandardCharsets.UTF_8)) {
            if (!line.startsWith("|")) {
                columns = List.of();
                continue;
            }
            List<String> cells = cells(line);
            if (columns.isEmpty()) {
                columns = cells;
                continue;
            }
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                Map<String, String> byColumn = new TreeMap<>();
                for (int i = 0; i < Math.min(columns.size(), cells.size()); i++) {
                    byColumn.put(columns.get(i), cells.get(i));
                }
                assertThat(documented.put(row.group(1), byColumn)).as("%s documented twice", row.group(1)).isNull();
            }
        }
    }

    private static List<String> cells(String row) {
        String inner = row.strip();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        return Arrays.stream(inner.split("\\|", -1)).map(String::strip).collect(Collectors.toList());
    }

    @Test
    void theDocumentHasTables() {
        assertThat(documented.keySet()).as(DOC + " tables").hasSizeGreaterThan(30)
                .contains("STEADFAST-1001", "STEADFAST-1101", "STEADFAST-2000", "STEADFAST-3001");
    }

    @Test
    void everyDocumentedIdIsInTheCatalogueOrARule_andEveryOneIsDocumented() {
        Set<String> defined = new TreeSet<>();
        Stream.of(Message.values()).map(Message::id).forEach(defined::add);
        Stream.of(Rule.values()).map(Rule::id).forEach(defined::add);

        Set<String> undocumented = new TreeSet<>(defined);
        undocumented.removeAll(documented.keySet());
        Set<String> undefined = new TreeSet<>(documented.keySet());
        undefined.removeAll(defined);

        assertSoftly(both -> {
            both.assertThat(undocumented).as("ids in the catalogue or Rule but not in %s", DOC).isEmpty();
            both.assertThat(undefined).as("ids in %s but neither in the catalogue nor in Rule", DOC).isEmpty();
        });
    }

    @Test
    void everyMessageLogsAtTheDocumentedLevel() {
        List<String> wrong = new ArrayList<>();
        for (Message message : Message.values()) {
            String column = documented.getOrDefault(message.id(), Map.of()).getOrDefault("Level", "");
            // "ERROR / WARNING" accepts either; words that name no level ("exception") are not checked.
            Set<Level> accepted = Arrays.stream(column.split("/")).map(String::strip).filter(LEVELS::containsKey)
                    .map(LEVELS::get).collect(Collectors.toSet());
            if (!accepted.isEmpty() && !accepted.contains(message.level())) {
                wrong.add(message + " (" + message.id() + ") logs at " + message.level() + ", documented " + column);
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(Stream.of(Message.values()).filter(m -> documented.containsKey(m.id()))
                .filter(m -> documented.get(m.id()).containsKey("Level"))).as("messages with a documented level")
                .hasSize(Message.values().length);
    }

    @Test
    void everyRuleIsDocumentedUnderItsName() {
        for (Rule rule : Rule.values()) {
            assertThat(documented.getOrDefault(rule.id(), Map.of()).get("Rule")).as(rule.id())
                    .isEqualTo("`" + rule.name() + "`");
        }
    }

    @Test
    void idsLieInTheirRanges_andMessagesSharingAnIdShareALevel() {
        assertThat(Message.values()).allSatisfy(m -> assertThat(m.number()).as(m.name()).isBetween(2000, 3099));
        assertThat(Rule.values()).allSatisfy(r -> assertThat(r.number()).as(r.name()).isBetween(1000, 1199));
        Map<String, Set<Level>> levels = Stream.of(Message.values()).collect(Collectors.groupingBy(Message::id,
                TreeMap::new, Collectors.mapping(Message::level, Collectors.toSet())));
        assertThat(levels).allSatisfy((id, byId) -> assertThat(byId).as(id).hasSize(1));
    }

    @Test
    void textsTakeOnlyStringPlaceholders() {
        for (Message message : Message.values()) {
            assertThat(message.text()).as(message.name()).doesNotContainPattern("%(?!s)")
                    .doesNotStartWith(" ").doesNotEndWith(" ");
        }
    }

    @Test
    void noIdAndNoLoggerLiveOutsideTheCatalogue() throws IOException {
        Pattern id = Pattern.compile("STEADFAST-[0-9]");
        Set<String> outside = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).collect(Collectors.toList())) {
                if (SOURCES.relativize(file).startsWith("message")) {
                    continue;
                }
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (id.matcher(text).find() || text.contains("java.util.logging.Logger")) {
                    outside.add(SOURCES.relativize(file).toString());
                }
            }
        }
        assertThat(outside).as("files naming a message id or a logger; use Message and Messages").isEmpty();
    }
}
