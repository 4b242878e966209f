package org.dicas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code supply-chain analyze} run in-process: exit codes, the JSON on stdout, one line on stderr. */
class SupplyChainCommandTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
        JsonNode json() {
            return JsonMapper.shared().readTree(out);
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DicasCommandLine.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    static final String NETWORK = """
            {"nodes":[
              {"id":"N1","company":"Example Propulsion","country":"JPN","ttrDays":180,"capacity":120},
              {"id":"N5","company":"Chem Co","country":"JPN","ttrDays":400},
              {"id":"N9","company":"Chem Co","country":"USA","ttrDays":90},
              {"id":"N7","company":"Casing KK","country":"JPN","ttrDays":200}
            ],
            "inputs":[
              {"node":"N1","item":"propellant","sources":["N5","N9"]},
              {"node":"N1","item":"casing","sources":["N7"]}
            ],
            "endItems":[{"id":"GPI-RM","node":"N1","program":"GPI","inventoryDays":90}]}
            """;

    Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void analyzesAJsonNetwork() throws IOException {
        Run r = run("supply-chain", "analyze", "--input", file("n.json", NETWORK).toString());
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode item = r.json().get("endItems").get(0);
        assertThat(item.get("id").asString()).isEqualTo("GPI-RM");
        assertThat(item.get("node").asString()).isEqualTo("N1");
        assertThat(item.get("operational").asBoolean()).isTrue();
        assertThat(item.get("singlePointsOfFailure").toString()).isEqualTo("[\"N1\",\"N7\"]");
        for (String section : new String[] {"criticalNodes", "stoppedEndItems", "inputsWithoutSource",
                "concentration", "exposures", "network", "disruption", "disruptedNodes"}) {
            assertThat(r.json().has(section)).as(section).isTrue();
        }
        assertThat(r.json().get("exposures").get(0).get("node").asString()).isEqualTo("N7");
    }

    @Test
    void appliesDisruptionsAndConcerns() throws IOException {
        Run r = run("supply-chain", "analyze", "--input", file("n.json", NETWORK).toString(),
                "--disrupt-country", "USA", "--concern", "JPN", "--compact");
        assertThat(r.code()).isZero();
        assertThat(r.out().trim()).doesNotContain("\n");
        JsonNode json = r.json();
        assertThat(json.get("endItems").get(0).get("singlePointsOfFailure").toString())
                .isEqualTo("[\"N1\",\"N5\",\"N7\"]");
        assertThat(json.get("concentration").get("endItems").get(0).get("concernShare").asDouble())
                .isCloseTo(2.0 / 3, org.assertj.core.api.Assertions.within(1e-9));

        Run stop = run("supply-chain", "analyze", "--input", dir.resolve("n.json").toString(),
                "--disrupt-node", "N5", "--disrupt-company", "Chem Co");
        assertThat(stop.code()).isZero();
        assertThat(stop.json().get("stoppedEndItems").toString()).isEqualTo("[\"GPI-RM\"]");
        assertThat(stop.json().get("inputsWithoutSource").get(0).get("item").asString()).isEqualTo("propellant");
        assertThat(stop.json().get("disruptedNodes").toString()).isEqualTo("[\"N5\",\"N9\"]");
    }

    @Test
    void analyzesCsvFiles() throws IOException {
        Path nodes = file("nodes.csv", "id,company,country\nN1,A,JPN\nN5,B,JPN\nN9,B,USA\nN7,C,JPN\n");
        Path inputs = file("inputs.csv", "node,item,source\nN1,propellant,N5\nN1,propellant,N9\nN1,casing,N7\n");
        Path items = file("endItems.csv", "id,node,program\nGPI-RM,N1,GPI\n");
        Run r = run("supply-chain", "analyze", "--nodes", nodes.toString(), "--inputs", inputs.toString(),
                "--end-items", items.toString());
        assertThat(r.code()).isZero();
        assertThat(r.json().get("endItems").get(0).get("singlePointsOfFailure").toString())
                .isEqualTo("[\"N1\",\"N7\"]");
    }

    @Test
    void refusesAnInvalidNetworkWithOneLine() throws IOException {
        Path bad = file("bad.json", NETWORK.replace("\"id\":\"N9\"", "\"id\":\"N5\""));
        Run r = run("supply-chain", "analyze", "--input", bad.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("error: duplicate node id 'N5' (line 4, column 3)" + System.lineSeparator());
    }

    @Test
    void refusesMalformedJsonAndCsvWithTheirPosition() throws IOException {
        Run json = run("supply-chain", "analyze", "--input", file("m.json", "{\"nodes\":[\n{\"id\":\"N1\"\n").toString());
        assertThat(json.code()).isEqualTo(1);
        assertThat(json.err()).startsWith("error: malformed JSON at line ").hasLineCount(1);

        Path nodes = file("nodes.csv", "id\nN1\nN2\n");
        Path inputs = file("inputs.csv", "node,item,source\nN1,x,N2\nN1,y,N3\n");
        Run csv = run("supply-chain", "analyze", "--nodes", nodes.toString(), "--inputs", inputs.toString());
        assertThat(csv.code()).isEqualTo(1);
        assertThat(csv.err().trim())
                .isEqualTo("error: input 'y' of node 'N1' names unknown source node 'N3' (inputs.csv line 3)");
    }

    @Test
    void refusesACycleAndAnUnknownDisruptedNode() throws IOException {
        Path cyc = file("c.json", """
                {"nodes":[{"id":"A"},{"id":"B"}],
                 "inputs":[{"node":"A","item":"x","sources":["B"]},{"node":"B","item":"x","sources":["A"]}]}""");
        Run r = run("supply-chain", "analyze", "--input", cyc.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).matches("error: cycle in the supply network through node '[AB]' .*\\R").hasLineCount(1);

        Run d = run("supply-chain", "analyze", "--input", file("n.json", NETWORK).toString(), "--disrupt-node", "N42");
        assertThat(d.code()).isEqualTo(1);
        assertThat(d.err().trim()).isEqualTo("error: the disruption names unknown node 'N42'");
    }

    @Test
    void usageErrorsAreOneLineWithExitCodeTwo() throws IOException {
        Run none = run("supply-chain", "analyze");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("--input").hasLineCount(1);

        Run both = run("supply-chain", "analyze", "--input", "x.json", "--nodes", "n.csv");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).hasLineCount(1);

        Run unknown = run("supply-chain", "analyze", "--input", "x.json", "--frobnicate");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("--frobnicate").hasLineCount(1);

        Run missing = run("supply-chain", "analyze", "--input", dir.resolve("nope.json").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).startsWith("error: no such file: ").hasLineCount(1);

        Run noCommand = run("supply-chain");
        assertThat(noCommand.code()).isEqualTo(2);
        assertThat(noCommand.err()).hasLineCount(1);
    }

    @Test
    void helpIsCompleteAndHasNoPlaceholders() {
        for (String[] args : new String[][] {{"--help"}, {"help"}, {"supply-chain", "--help"},
                {"supply-chain", "analyze", "--help"}, {"help", "supply-chain"}}) {
            Run r = run(args);
            assertThat(r.code()).as(String.join(" ", args)).isZero();
            assertThat(r.out()).as(String.join(" ", args)).startsWith("Usage: dicas")
                    .doesNotContain("${").doesNotContain("%n").doesNotContain("null");
        }
        assertThat(run("--help").out()).contains("supply-chain").contains("help");
        assertThat(run("supply-chain", "analyze", "--help").out()).contains("--input", "--nodes", "--inputs",
                "--end-items", "--disrupt-node", "--disrupt-country", "--disrupt-company", "--concern");
    }

    @Test
    void onlyCommandsGoToTheCommandLine() {
        assertThat(DicasCommandLine.isCommand("supply-chain")).isTrue();
        assertThat(DicasCommandLine.isCommand("help")).isTrue();
        assertThat(DicasCommandLine.isCommand("--server.port=8081")).isFalse();
        assertThat(DicasCommandLine.isCommand("--spring.profiles.active=demo")).isFalse();
    }
}
