package org.dicas.supplychain.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.dicas.shared.InvalidInputException;
import org.dicas.supplychain.NetworkImport;
import org.dicas.supplychain.engine.NetworkCsv;
import org.dicas.supplychain.engine.NetworkException;
import org.springframework.web.multipart.MultipartFile;

/** Reads uploaded spreadsheet files with the engine's CSV reader; its errors name the file and line. */
final class CsvImport {

    private CsvImport() {
    }

    static NetworkImport read(String program, String name, String marking, MultipartFile nodes, MultipartFile inputs,
                              MultipartFile endItems) throws IOException {
        if (nodes == null || nodes.isEmpty()) {
            throw InvalidInputException.of("nodes", "sc.error.fileRequired", "nodes.csv");
        }
        if (inputs == null || inputs.isEmpty()) {
            throw InvalidInputException.of("inputs", "sc.error.fileRequired", "inputs.csv");
        }
        try (Reader n = reader(nodes); Reader i = reader(inputs);
             Reader e = endItems == null || endItems.isEmpty() ? null : reader(endItems)) {
            return NetworkImport.of(program, name, marking, NetworkCsv.read(n, "nodes.csv", i, "inputs.csv", e,
                    "endItems.csv"));
        } catch (NetworkException ex) {
            throw new InvalidInputException("network", ex.sentence());
        }
    }

    private static Reader reader(MultipartFile f) throws IOException {
        return new InputStreamReader(f.getInputStream(), StandardCharsets.UTF_8);
    }
}
