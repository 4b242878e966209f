package org.dicas.supplychain.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every kind of bad input is refused with one line naming the offending id and where it is. */
class NetworkValidationTest {

    static String json(String text) {
        NetworkException e = catchThrowableOfType(NetworkException.class,
                () -> NetworkJson.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n");
        return e.getMessage();
    }

    static String csv(String nodes, String inputs, String endItems) {
        NetworkException e = catchThrowableOfType(NetworkException.class,
                () -> NetworkCsv.read(new StringReader(nodes), new StringReader(inputs),
                        endItems == null ? null : new StringReader(endItems)));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n");
        return e.getMessage();
    }

    // ------------------------------------------------------------------ JSON

    @Test
    void jsonDuplicateNodeId() {
        assertThat(json("""
                {"nodes":[
                  {"id":"N1"},
                  {"id":"N2"},
                  {"id":"N1"}
                ]}""")).isEqualTo("duplicate node id 'N1' (line 4, column 3)");
    }

    @Test
    void jsonDuplicateEndItemId() {
        assertThat(json("""
                {"nodes":[{"id":"N1"}],
                 "endItems":[
                  {"id":"E1","node":"N1"},
                  {"id":"E1","node":"N1"}]}""")).isEqualTo("duplicate end item id 'E1' (line 4, column 3)");
    }

    @Test
    void jsonUnknownNodeOfAnInput() {
        assertThat(json("""
                {"nodes":[{"id":"N1"}],
                 "inputs":[
                  {"node":"N7","item":"propellant","sources":["N1"]}]}"""))
                .isEqualTo("input 'propellant' names unknown node 'N7' (line 3, column 3)");
    }

    @Test
    void jsonUnknownSourceOfAnInput() {
        assertThat(json("""
                {"nodes":[{"id":"N1"},{"id":"N5"}],
                 "inputs":[
                  {"node":"N1","item":"propellant","sources":["N5","N9"]}]}"""))
                .isEqualTo("input 'propellant' of node 'N1' names unknown source node 'N9' (line 3, column 3)");
    }

    @Test
    void jsonInputWithoutSources() {
        assertThat(json("""
                {"nodes":[{"id":"N1"}],
                 "inputs":[
                  {"node":"N1","item":"propellant","sources":[]}]}"""))
                .isEqualTo("input 'propellant' of node 'N1' has no sources (line 3, column 3)");
        assertThat(json("""
                {"nodes":[{"id":"N1"}],
                 "inputs":[{"node":"N1","item":"casing"}]}"""))
                .isEqualTo("input 'casing' of node 'N1' has no sources (line 2, column 12)");
    }

    @Test
    void jsonUnknownNodeOfAnEndItem() {
        assertThat(json("""
                {"nodes":[{"id":"N1"}],
                 "endItems":[{"id":"GPI-RM","node":"N99"}]}"""))
                .isEqualTo("end item 'GPI-RM' names unknown node 'N99' (line 2, column 14)");
    }

    @Test
    void jsonCycleNamesANodeOnIt() {
        String message = json("""
                {"nodes":[{"id":"A"},{"id":"B"},{"id":"C"},{"id":"D"}],
                 "inputs":[
                  {"node":"D","item":"x","sources":["A"]},
                  {"node":"A","item":"x","sources":["B"]},
                  {"node":"B","item":"x","sources":["C"]},
                  {"node":"C","item":"x","sources":["A"]}]}""");
        assertThat(message).matches("cycle in the supply network through node '[ABC]' \\(line 1, column \\d+\\)");
        assertThat(json("""
                {"nodes":[{"id":"A"},{"id":"S"}],
                 "inputs":[{"node":"S","item":"x","sources":["A","S"]}]}"""))
                .isEqualTo("cycle in the supply network through node 'S' (line 1, column 22)");
    }

    @Test
    void jsonMalformedWithLineAndColumn() {
        assertThat(json("""
                {"nodes":[
                  {"id":"N1"}
                  {"id":"N2"}
                ]}"""))
                .startsWith("malformed JSON at line 3, column 3: Unexpected character ('{'");
        assertThat(json("{\"nodes\":[{\"id\":\"N1\"}]")).startsWith("malformed JSON at line 1, column 23: ");
        assertThat(json("")).startsWith("expected a JSON object");
    }

    @Test
    void jsonWrongTypes() {
        assertThat(json("{\"nodes\":[{\"id\":\"N1\",\"ttrDays\":\"soon\"}]}"))
                .isEqualTo("expected a whole number for 'ttrDays' (line 1, column 32)");
        assertThat(json("{\"nodes\":[{\"id\":\"N1\",\"capacity\":true}]}"))
                .isEqualTo("expected a number for 'capacity' (line 1, column 33)");
        assertThat(json("{\"nodes\":{}}")).isEqualTo("expected an array for 'nodes' (line 1, column 10)");
        assertThat(json("{\"nodes\":[\"N1\"]}")).isEqualTo("expected an object for each node (line 1, column 11)");
        assertThat(json("[]")).isEqualTo("expected a JSON object with nodes, inputs and endItems (line 1, column 1)");
        assertThat(json("{\"inputs\":[{\"node\":\"N1\",\"sources\":\"N2\"}]}"))
                .isEqualTo("expected an array of node ids for 'sources' (line 1, column 35)");
    }

    @Test
    void jsonMissingIdsAndBadValues() {
        assertThat(json("{\"nodes\":[{\"id\":\"N1\"},{\"name\":\"x\"}]}"))
                .isEqualTo("node #2 has no id (line 1, column 23)");
        assertThat(json("{\"nodes\":[{\"id\":\"N1\",\"ttrDays\":-3}]}"))
                .isEqualTo("node 'N1' has a negative ttrDays -3 (line 1, column 11)");
        assertThat(json("{\"nodes\":[{\"id\":\"N1\",\"capacity\":-1}]}"))
                .isEqualTo("node 'N1' has an invalid capacity -1.0 (line 1, column 11)");
        assertThat(json("{\"nodes\":[{\"id\":\"N1\"}],\"inputs\":[{\"item\":\"x\",\"sources\":[\"N1\"]}]}"))
                .isEqualTo("input 'x' names no node (line 1, column 34)");
        assertThat(json("{\"nodes\":[{\"id\":\"N1\"}],\"inputs\":[{\"node\":\"N1\",\"item\":\"x\",\"sources\":[\"\"]}]}"))
                .isEqualTo("input 'x' of node 'N1' has a source without id (line 1, column 34)");
        assertThat(json("{\"nodes\":[{\"id\":\"N1\"}],\"endItems\":[{\"node\":\"N1\"}]}"))
                .isEqualTo("end item #1 has no id (line 1, column 36)");
        assertThat(json("{\"nodes\":[{\"id\":\"N1\"}],\"endItems\":[{\"id\":\"E\",\"node\":\"N1\",\"inventoryDays\":-1}]}"))
                .isEqualTo("end item 'E' has a negative inventoryDays -1 (line 1, column 36)");
    }

    @Test
    void compilingASpecWithoutPositionsStillNamesTheId() {
        NetworkSpec spec = new NetworkSpec(List.of(new NetworkSpec.Node("N1", null, null, null, null, null),
                new NetworkSpec.Node("N1", null, null, null, null, null)), null, null);
        assertThatThrownBy(() -> SupplyChainEngine.compile(spec)).isInstanceOf(NetworkException.class)
                .hasMessage("duplicate node id 'N1'");
    }

    // ------------------------------------------------------------------ CSV

    static final String NODES = "id,country\nN1,JPN\nN2,USA\nN3,AUS\n";

    @Test
    void csvDuplicateNodeId() {
        assertThat(csv("id,name\nN1,a\n\nN2,b\nN1,c\n", "node,source\n", null))
                .isEqualTo("duplicate node id 'N1' (nodes.csv line 5)");
    }

    @Test
    void csvLineNumbersCountQuotedLineBreaks() {
        assertThat(csv("id,name\nN1,\"two\nlines\"\nN1,c\n", "node,source\n", null))
                .isEqualTo("duplicate node id 'N1' (nodes.csv line 4)");
    }

    @Test
    void csvDuplicateEndItemId() {
        assertThat(csv(NODES, "node,source\n", "id,node\nE1,N1\nE2,N2\nE1,N3\n"))
                .isEqualTo("duplicate end item id 'E1' (endItems.csv line 4)");
    }

    @Test
    void csvUnknownNodeOfAnInput() {
        assertThat(csv(NODES, "node,item,source\nN1,x,N2\nN7,propellant,N1\n", null))
                .isEqualTo("input 'propellant' names unknown node 'N7' (inputs.csv line 3)");
    }

    @Test
    void csvUnknownSource() {
        assertThat(csv(NODES, "node,item,sources\nN1,propellant,N2;N9\n", null))
                .isEqualTo("input 'propellant' of node 'N1' names unknown source node 'N9' (inputs.csv line 2)");
    }

    @Test
    void csvInputWithoutSources() {
        assertThat(csv(NODES, "node,item,source\nN1,x,N2\nN1,propellant,\n", null))
                .isEqualTo("input 'propellant' of node 'N1' has no sources (inputs.csv line 3)");
    }

    @Test
    void csvUnknownNodeOfAnEndItem() {
        assertThat(csv(NODES, "node,source\n", "id,node,program\nE1,N1,P\nGPI-RM,N99,GPI\n"))
                .isEqualTo("end item 'GPI-RM' names unknown node 'N99' (endItems.csv line 3)");
    }

    @Test
    void csvCycleNamesANodeOnItWithItsLine() {
        String message = csv(NODES, "node,item,source\nN1,x,N2\nN2,x,N3\nN3,x,N2\n", null);
        assertThat(message).isIn("cycle in the supply network through node 'N2' (nodes.csv line 3)",
                "cycle in the supply network through node 'N3' (nodes.csv line 4)");
    }

    @Test
    void csvBadNumbersAndMissingColumns() {
        assertThat(csv("id,ttrDays\nN1,10\nN2,ten\n", "node,source\n", null))
                .isEqualTo("ttrDays 'ten' of node 'N2' is not a whole number (nodes.csv line 3)");
        assertThat(csv("id,capacity\nN1,lots\n", "node,source\n", null))
                .isEqualTo("capacity 'lots' of node 'N1' is not a number (nodes.csv line 2)");
        assertThat(csv("id,capacity\nN1,-5\n", "node,source\n", null))
                .isEqualTo("node 'N1' has an invalid capacity -5.0 (nodes.csv line 2)");
        assertThat(csv("name\nx\n", "node,source\n", null)).isEqualTo("nodes.csv has no column 'id' (nodes.csv line 1)");
        assertThat(csv(NODES, "node,item\nN1,x\n", null))
                .isEqualTo("inputs.csv has no column 'source' or 'sources' (inputs.csv line 1)");
        assertThat(csv("", "node,source\n", null)).isEqualTo("nodes.csv is empty: expected a header row");
        assertThat(csv(NODES, "node,source\n", "id,node,inventoryDays\nE1,N1,1.5\n"))
                .isEqualTo("inventoryDays '1.5' of end item 'E1' is not a whole number (endItems.csv line 2)");
    }

    @Test
    void csvMalformed() {
        assertThat(csv("id,name\nN1,a\nN2,\"open\n", "node,source\n", null))
                .startsWith("malformed CSV (nodes.csv line 3): ");
    }

    @Test
    void csvNamesTheFilesAsGiven() {
        NetworkException e = catchThrowableOfType(NetworkException.class,
                () -> NetworkCsv.readNetwork(new StringReader("id\nA\nA\n"), "plants.csv",
                        new StringReader("node,source\n"), "links.csv", null, null));
        assertThat(e.getMessage()).isEqualTo("duplicate node id 'A' (plants.csv line 3)");
    }
}
