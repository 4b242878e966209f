package org.dicas.cli;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.dicas.requirements.engine.Assessment;
import org.dicas.requirements.engine.Candidate;
import org.dicas.requirements.engine.Explanation;
import org.dicas.requirements.engine.LearningCurve;
import org.dicas.requirements.engine.MatchedTerm;
import org.dicas.requirements.engine.OpportunityFinder;
import org.dicas.requirements.engine.OpportunityGroup;
import org.dicas.requirements.engine.ProcurementWindow;
import org.dicas.requirements.engine.RequirementProfile;
import org.dicas.requirements.engine.TimingOverlap;
import org.dicas.search.text.Glossary;
import org.dicas.search.text.Language;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of {@code dicas requirements match}: reads
 * {@code {"requirements":[{"id","nation","service","title","description","quantity"?,"needBy"?,"capabilityArea"?}]}}
 * and writes the matches. Reading is strict about what it uses (types, required fields, unique ids, YYYY-MM dates,
 * quantities ≥ 0) and ignores fields it does not know, so richer exports can be fed as they are. Every refusal is
 * one {@link InputException} line naming the record.
 */
public final class RequirementsJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Pattern YEAR_MONTH = Pattern.compile("\\d{4}-\\d{2}");

    /** Refused input: the message is one line naming the record and the field. */
    public static final class InputException extends RuntimeException {
        InputException(String message) {
            super(message);
        }
    }

    private RequirementsJson() {
    }

    /** Parses the input document (see the class comment). */
    public static List<RequirementProfile> read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            TokenStreamLocation l = e.getLocation();
            String where = l == null || l == TokenStreamLocation.NA || l.getLineNr() < 0 ? ""
                    : " at line " + l.getLineNr() + ", column " + l.getColumnNr();
            String msg = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
            throw new InputException("malformed JSON" + where + ": " + DicasCommandLine.oneLine(msg));
        }
        if (root == null || !root.isObject()) {
            throw new InputException("the input must be a JSON object with a \"requirements\" array");
        }
        JsonNode list = root.get("requirements");
        if (list == null || !list.isArray()) {
            throw new InputException("the input must have a \"requirements\" array");
        }
        List<RequirementProfile> out = new ArrayList<>(list.size());
        Set<String> ids = new HashSet<>();
        Set<String> areas = new HashSet<>();
        Glossary.shipped().capabilityAreas().forEach(a -> areas.add(a.code()));
        int index = 0;
        for (JsonNode r : list) {
            index++;
            String name = "requirement #" + index;
            if (!r.isObject()) {
                throw new InputException(name + ": expected an object");
            }
            String id = text(r, "id", name, true);
            if (id.isBlank()) {
                throw new InputException(name + ": \"id\" is empty");
            }
            name = "requirement \"" + id + "\"";
            if (!ids.add(id)) {
                throw new InputException(name + ": duplicate id");
            }
            String nation = text(r, "nation", name, true).strip().toUpperCase(Locale.ROOT);
            if (nation.isEmpty()) {
                throw new InputException(name + ": \"nation\" is empty");
            }
            String title = text(r, "title", name, true);
            if (title.isBlank()) {
                throw new InputException(name + ": \"title\" is empty");
            }
            String service = text(r, "service", name, false);
            String description = text(r, "description", name, false);
            String area = areaCode(text(r, "capabilityArea", name, false), areas);
            OptionalInt quantity = OptionalInt.empty();
            JsonNode q = r.get("quantity");
            if (q != null && !q.isNull()) {
                if (!q.isIntegralNumber() || !q.canConvertToInt()) {
                    throw new InputException(name + ": \"quantity\" " + q + " is not a whole number");
                }
                if (q.intValue() < 0) {
                    throw new InputException(name + ": \"quantity\" " + q.intValue() + " is negative");
                }
                quantity = OptionalInt.of(q.intValue());
            }
            Optional<YearMonth> needBy = Optional.empty();
            JsonNode n = r.get("needBy");
            if (n != null && !n.isNull()) {
                String s = n.isString() ? n.asString() : n.toString();
                if (!n.isString() || !YEAR_MONTH.matcher(s).matches()) {
                    throw new InputException(name + ": needBy " + (n.isString() ? "\"" + s + "\"" : s)
                            + " is not YYYY-MM");
                }
                int month = Integer.parseInt(s.substring(5));
                if (month < 1 || month > 12) {
                    throw new InputException(name + ": needBy \"" + s + "\" is not YYYY-MM");
                }
                needBy = Optional.of(YearMonth.parse(s));
            }
            out.add(new RequirementProfile(id, nation, service, area, title, description, quantity, needBy));
        }
        return out;
    }

    private static String text(JsonNode r, String field, String name, boolean required) {
        JsonNode v = r.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new InputException(name + ": \"" + field + "\" is missing");
            }
            return "";
        }
        if (!v.isString()) {
            throw new InputException(name + ": \"" + field + "\" must be text, was " + v);
        }
        return v.asString();
    }

    /** A known taxonomy code (case and separators forgiven, e.g. "missile defense"); otherwise empty (inferred). */
    static String areaCode(String given, Set<String> known) {
        if (given.isBlank()) {
            return "";
        }
        String code = given.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s/-]+", "_");
        return known.contains(code) ? code : "";
    }

    // ---------------------------------------------------------------- writing

    /** The output document: matches per requirement (input order) and groups of three or more nations. */
    public static String write(OpportunityFinder finder, Map<String, List<Candidate>> matches,
                               List<OpportunityGroup> groups, boolean pretty) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode ms = root.putArray("matches");
        for (Map.Entry<String, List<Candidate>> e : matches.entrySet()) {
            RequirementProfile p = finder.requirement(e.getKey()).orElseThrow();
            ObjectNode m = ms.addObject();
            m.put("requirement", e.getKey());
            m.put("nation", p.nation());
            m.put("language", Language.detect(p.text()).name().toLowerCase(Locale.ROOT));
            m.put("capabilityArea", finder.capabilityAreaOf(e.getKey()));
            ArrayNode cs = m.putArray("candidates");
            for (Candidate c : e.getValue()) {
                ObjectNode o = cs.addObject();
                o.put("id", c.id());
                o.put("nation", finder.requirement(c.id()).map(RequirementProfile::nation).orElse(""));
                o.put("score", c.score());
                o.put("opportunity", c.opportunity());
                if (c.explanation().likelihood() != null) {
                    o.put("likelihood", c.explanation().likelihood());
                    o.put("modelVersion", c.explanation().modelVersion());
                }
                explanation(o.putObject("explanation"), c.explanation());
                TimingOverlap t = c.explanation().timing();
                if (t.aligned().isPresent()) {
                    window(o.putObject("window"), t.aligned().get());
                } else {
                    o.putNull("window");
                }
                if (c.opportunity()) {
                    Assessment a = finder.assess(e.getKey(), c.id());
                    if (a.quantityA() > 0 && a.quantityB() > 0) {
                        savings(o.putObject("savings"), a.quantityA(), a.quantityB());
                    }
                }
            }
        }
        ArrayNode gs = root.putArray("groups");
        for (OpportunityGroup g : groups) {
            ObjectNode o = gs.addObject();
            ArrayNode ids = o.putArray("requirements");
            g.requirementIds().forEach(ids::add);
            ArrayNode nations = o.putArray("nations");
            g.nations().forEach(nations::add);
            o.put("capabilityArea", g.capabilityArea());
            o.put("meanScore", g.meanScore());
        }
        return pretty ? MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root)
                : MAPPER.writeValueAsString(root);
    }

    private static void explanation(ObjectNode o, Explanation e) {
        o.put("summary", e.summary().english());
        o.put("textSimilarity", e.textSimilarity());
        o.put("capabilityArea", e.capabilityArea());
        o.put("otherCapabilityArea", e.otherCapabilityArea());
        o.put("sameArea", e.sameArea());
        o.put("areaSimilarity", e.areaSimilarity());
        o.put("needKind", e.needKind());
        o.put("otherNeedKind", e.otherNeedKind());
        o.put("sameServiceDomain", e.sameServiceDomain());
        o.put("quantityFit", e.quantityFit());
        ObjectNode t = o.putObject("timing");
        TimingOverlap timing = e.timing();
        t.put("known", timing.known());
        if (timing.known()) {
            t.put("needBy", timing.needA().map(YearMonth::toString).orElse(""));
            t.put("otherNeedBy", timing.needB().map(YearMonth::toString).orElse(""));
            t.put("overlapMonths", timing.overlapMonths());
            t.put("gapMonths", timing.gapMonths());
        }
        o.put("ruleScore", e.ruleScore());
        o.put("ruleOpportunity", e.ruleOpportunity());
        ArrayNode same = o.putArray("sameSystems");
        e.sameSystems().forEach(s -> same.add(s.english()));
        ArrayNode apart = o.putArray("toldApart");
        e.toldApart().forEach(s -> apart.add(s.english()));
        ArrayNode top = o.putArray("topFeatures");
        e.topFeatures().forEach(s -> top.add(s.english()));
        ArrayNode terms = o.putArray("matchedTerms");
        for (MatchedTerm m : e.matchedTerms()) {
            ObjectNode x = terms.addObject();
            if (m.isConcept()) {
                x.put("concept", m.conceptId());
                x.put("en", m.english());
                x.put("ja", m.japanese());
            }
            if (!m.literal().isEmpty()) {
                x.put("literal", m.literal());
            }
            x.put("weight", m.weight());
        }
    }

    private static void window(ObjectNode o, ProcurementWindow w) {
        o.put("from", w.from().toString());
        o.put("to", w.to().toString());
        o.put("shiftMonths", w.shiftMonths());
    }

    private static void savings(ObjectNode o, int qa, int qb) {
        LearningCurve curve = LearningCurve.defaults();
        o.put("learningRate", curve.learningRate());
        o.put("firstUnitCost", curve.firstUnitCost());
        o.put("quantity", qa);
        o.put("otherQuantity", qb);
        o.put("separateCost", round(curve.cost(qa) + curve.cost(qb)));
        o.put("combinedCost", round(curve.cost(qa + qb)));
        o.put("savings", round(curve.savings(qa, qb)));
        o.put("savingsFraction", round(curve.savingsFraction(qa, qb)));
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }
}
