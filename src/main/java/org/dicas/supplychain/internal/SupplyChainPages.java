package org.dicas.supplychain.internal;

import org.dicas.platform.Pager;
import org.dicas.platform.Table;
import org.dicas.shared.Page;
import org.dicas.shared.Paging;
import org.dicas.shared.TableView;
import org.springframework.context.i18n.LocaleContextHolder;
import java.util.Locale;
import org.dicas.shared.Sentences;
import org.dicas.shared.Sentence;
import org.dicas.platform.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dicas.platform.CsvFile;
import org.dicas.platform.Downloads;
import org.dicas.security.AuditLog;
import org.dicas.security.DicasUser;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.InvalidMarkingException;
import org.dicas.shared.Marking;
import org.dicas.supplychain.NetworkAnalyses;
import org.dicas.supplychain.NetworkAnalysisView;
import org.dicas.supplychain.NetworkGraph;
import org.dicas.supplychain.NetworkImport;
import org.dicas.supplychain.SupplyNetworkSummary;
import org.dicas.supplychain.SupplyChainWriteRules;
import org.dicas.supplychain.SupplyNetworks;
import org.dicas.supplychain.engine.Disruption;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

@Controller
class SupplyChainPages {

    private final SupplyNetworks networks;
    private final NetworkAnalyses analyses;
    private final NetworkGraph graphs;
    private final Validator validator;
    private final JsonMapper json;
    private final AuditLog audit;

    SupplyChainPages(SupplyNetworks networks, NetworkAnalyses analyses, NetworkGraph graphs, Validator validator,
                     JsonMapper json, AuditLog audit) {
        this.audit = audit;
        this.networks = networks;
        this.analyses = analyses;
        this.graphs = graphs;
        this.validator = validator;
        this.json = json;
    }

    @GetMapping("/supply-chain")
    String list(DicasUser me, Paging paging, TableView view, Model model) {
        Table.show(model, "/supply-chain", view, SupplyNetworks.COLUMNS);
        return listPage(me, paging, view, model, List.of(), "", "", "UNCLASSIFIED", "");
    }

    private String listPage(DicasUser me, Model model, List<String> errors, String program, String name,
                            String marking, String network) {
        Table.show(model, "/supply-chain", TableView.NONE, SupplyNetworks.COLUMNS);
        return listPage(me, Paging.FIRST, TableView.NONE, model, errors, program, name, marking, network);
    }

    private String listPage(DicasUser me, Paging paging, TableView view, Model model, List<String> errors,
                            String program, String name, String marking, String network) {
        Page<SupplyNetworkSummary> shown = networks.list(me, paging, view);
        List<SupplyNetworkSummary> all = shown.items();
        model.addAttribute("networks", all);
        model.addAttribute("pager", Pager.of(shown, "/supply-chain"));
        model.addAttribute("errors", errors);
        model.addAttribute("program", program);
        model.addAttribute("name", name);
        model.addAttribute("marking", marking);
        model.addAttribute("network", network);
        model.addAttribute("mayImport", SupplyChainWriteRules.importNetwork(me).allowed());
        model.addAttribute("pageMarking", Marking.highWaterMark(all.stream().map(SupplyNetworkSummary::marking).toList()));
        return "supply-chain/list";
    }

    @PostMapping("/supply-chain/networks")
    String importNetwork(DicasUser me, @RequestParam(defaultValue = "") String program,
                         @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String marking,
                         @RequestParam(defaultValue = "") String network, Model model) {
        List<String> errors = new ArrayList<>();
        try {
            NetworkImport.Network parsed = json.readValue(network, NetworkImport.Network.class);
            NetworkImport imp = new NetworkImport(program, name, marking, parsed);
            errors.addAll(violations(imp));
            if (errors.isEmpty()) {
                return "redirect:/supply-chain/networks/" + networks.importNetwork(me, imp).id();
            }
        } catch (JacksonException e) {
            errors.addAll(FormErrors.of(InvalidInputException.of("network", "network.error.json.malformed",
                    String.valueOf(e.getOriginalMessage()))));
        } catch (InvalidInputException | InvalidMarkingException e) {
            errors.addAll(FormErrors.of(e));
        }
        return listPage(me, model, errors, program, name, marking, network);
    }

    /** Import from spreadsheets: nodes.csv + inputs.csv (+ endItems.csv), checked with line numbers in errors. */
    @PostMapping(value = "/supply-chain/networks/csv", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String importCsv(DicasUser me, @RequestParam(defaultValue = "") String program,
                     @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String marking,
                     @RequestParam(required = false) MultipartFile nodes, @RequestParam(required = false) MultipartFile inputs,
                     @RequestParam(required = false) MultipartFile endItems, Model model) throws IOException {
        List<String> errors = new ArrayList<>();
        try {
            NetworkImport imp = CsvImport.read(program, name, marking, nodes, inputs, endItems);
            errors.addAll(violations(imp));
            if (errors.isEmpty()) {
                return "redirect:/supply-chain/networks/" + networks.importNetwork(me, imp).id();
            }
        } catch (InvalidInputException | InvalidMarkingException e) {
            errors.addAll(FormErrors.of(e));
        }
        return listPage(me, model, errors, program, name, marking, "");
    }

    /** Bean-validation refusals, each as "field label: what is wrong" in the reader's language. */
    private List<String> violations(NetworkImport imp) {
        Locale locale = LocaleContextHolder.getLocale();
        return validator.validate(imp).stream().map(v -> Sentences.render(Sentence.of("sentence.fieldProblem",
                Sentences.fieldLabel(v.getPropertyPath().toString(), locale), v.getMessage()), locale)).toList();
    }

    static Set<String> set(List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        if (values != null) {
            for (String v : values) {
                Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
            }
        }
        return out;
    }

    @GetMapping("/supply-chain/networks/{id}")
    String network(DicasUser me, @PathVariable long id, @RequestParam(required = false) List<String> disruptNode,
                   @RequestParam(required = false) List<String> disruptCountry,
                   @RequestParam(required = false) List<String> disruptCompany,
                   @RequestParam(required = false) List<String> concern,
                   @RequestParam(defaultValue = "") String filter, Model model, HttpServletResponse response) {
        Disruption d = new Disruption(set(disruptNode), set(disruptCountry), set(disruptCompany));
        Set<String> concerns = set(concern);
        NetworkAnalysisView view;
        List<String> errors = new ArrayList<>();
        try {
            view = analyses.analyze(me, id, d, concerns);
        } catch (InvalidInputException e) {
            // a what-if naming what the reader cannot see, or nothing at all: the page without it, the error shown
            errors.addAll(FormErrors.of(e));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            view = analyses.analyze(me, id, Disruption.NONE, concerns);
        }
        model.addAttribute("errors", errors);
        model.addAttribute("view", NetworkFilter.apply(view, filter));
        model.addAttribute("filter", filter);
        model.addAttribute("disruptNode", String.join(", ", d.nodes()));
        model.addAttribute("disruptCountry", String.join(", ", d.countries()));
        model.addAttribute("disruptCompany", String.join(", ", d.companies()));
        model.addAttribute("concern", String.join(", ", concerns));
        model.addAttribute("pageMarking", view.marking());
        return "supply-chain/network";
    }

    @GetMapping("/supply-chain/networks/{id}/graph")
    String graph(DicasUser me, @PathVariable long id, @RequestParam String endItem, Model model,
                 HttpServletResponse response) {
        NetworkGraph.Graph g;
        try {
            g = graphs.upstream(me, id, endItem);
        } catch (InvalidInputException e) {
            // an end item the reader cannot see, or none: the network page, the error shown
            network(me, id, null, null, null, null, "", model, response);
            model.addAttribute("errors", FormErrors.of(e));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "supply-chain/network";
        }
        model.addAttribute("graph", g);
        model.addAttribute("network", networks.summary(me, id));
        model.addAttribute("pageMarking", g.marking());
        return "supply-chain/graph";
    }

    @GetMapping(value = "/supply-chain/networks/{id}/graph.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<?> graphJson(DicasUser me, @PathVariable long id, @RequestParam String endItem, Locale locale) {
        try {
            return ResponseEntity.ok(graphs.upstream(me, id, endItem));
        } catch (InvalidInputException e) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.describe(locale));
            p.setProperty("field", e.field());
            p.setProperty("messageKey", e.sentence().key());
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
        }
    }

    /** The single-points-of-failure export's columns, each headed by {@code sc.spof.<column>} in the reader's language. */
    static final List<String> COLUMNS = List.of("endItem", "operational", "node", "name", "company", "country",
            "nodeMarking");

    private static List<String> header(Locale locale) {
        return COLUMNS.stream().map(c -> Sentences.render(Sentence.label("sc.spof", c), locale)).toList();
    }

    private static List<List<Object>> spofRows(NetworkAnalysisView view, Locale locale) {
        List<List<Object>> rows = new ArrayList<>();
        for (var e : view.endItems()) {
            for (var n : e.singlePointsOfFailure()) {
                rows.add(List.of(e.id(), operational(e.operational(), locale), n.code(), n.name(), n.company(), n.country(),
                        n.marking().banner()));
            }
            if (e.withheldSinglePointsOfFailure() > 0) {
                rows.add(List.of(e.id(), operational(e.operational(), locale), Sentences.render(
                        Sentence.of("sc.spof.withheld", e.withheldSinglePointsOfFailure()), locale), "", "", "", ""));
            }
        }
        return rows;
    }

    private static String operational(boolean operational, Locale locale) {
        return Sentences.render(Sentence.of(operational ? "sc.operational" : "sc.stoppedLabel"), locale);
    }

    @GetMapping("/supply-chain/networks/{id}/single-points-of-failure.csv")
    ResponseEntity<String> csv(DicasUser me, @PathVariable long id) {
        NetworkAnalysisView view = analyses.analyze(me, id, Disruption.NONE, Set.of());
        Locale locale = LocaleContextHolder.getLocale();
        CsvFile csv = new CsvFile(view.marking(), header(locale));
        spofRows(view, locale).forEach(csv::row);
        audit.exported(me, id, "SUPPLY_NETWORK", Sentence.of("listb.csv.spof.kind", id), csv.banner());
        return csv.download("listb.csv.spof.filename", locale, id);
    }

    @GetMapping("/supply-chain/networks/{id}/single-points-of-failure.xlsx")
    ResponseEntity<byte[]> excel(DicasUser me, @PathVariable long id) throws IOException {
        NetworkAnalysisView view = analyses.analyze(me, id, Disruption.NONE, Set.of());
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Locale locale = LocaleContextHolder.getLocale();
            Sheet sheet = wb.createSheet(Sentences.render(Sentence.of("sc.spof"), locale));
            int r = 0;
            sheet.createRow(r++).createCell(0).setCellValue(view.marking().banner());
            Row header = sheet.createRow(r++);
            List<String> titles = header(locale);
            for (int c = 0; c < titles.size(); c++) {
                header.createCell(c).setCellValue(titles.get(c));
            }
            for (List<Object> row : spofRows(view, locale)) {
                Row x = sheet.createRow(r++);
                for (int c = 0; c < row.size(); c++) {
                    x.createCell(c).setCellValue(String.valueOf(row.get(c)));
                }
            }
            sheet.createRow(r).createCell(0).setCellValue(view.marking().banner());
            sheet.getHeader().setCenter(view.marking().banner());
            sheet.getFooter().setCenter(view.marking().banner());
            wb.write(out);
            audit.exported(me, id, "SUPPLY_NETWORK", Sentence.of("listb.xlsx.spof.kind", id), view.marking());
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .header("Content-Disposition", Downloads.attachment("listb.xlsx.spof.filename", locale, id))
                    .header("X-DICAS-Marking", view.marking().banner()).body(out.toByteArray());
        }
    }

}
