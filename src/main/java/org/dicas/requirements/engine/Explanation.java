package org.dicas.requirements.engine;

import java.util.List;
import org.dicas.shared.Sentence;

/**
 * Why a pair scored as it did: the shared concepts and literals (both languages), the cross-lingual text similarity,
 * the capability area (of the requirement asked about; inferred when not given) and whether the other requirement is
 * in the same area, the timing relation of the need windows, the quantity fit (smaller/larger, 0.5 when unknown),
 * whether the needs are of the same kind ({@code needKind}: acquire, develop, sustain, train, produce; empty when
 * unknown), whether both services are of the same domain (air, maritime, land, space), the similarity of the two
 * requirements' capability-area profiles in [0,1] and one readable sentence ({@code summary}), held as message keys
 * so that it is rendered in the reader's language. The codes people read have their labels beside them
 * ({@code capabilityAreaLabel}, {@code needKindLabel} …), as sentences rendered in the reader's language.
 *
 * <p>When a trained model scored the pair: {@code likelihood} (calibrated likelihood of a shared need, in [0,1]) and
 * {@code modelVersion}; otherwise null and empty. Always: the rules' own score and flag ({@code ruleScore},
 * {@code ruleOpportunity}, now signals of the model), the systems of the designation registry both name
 * ({@code sameSystems}: "AIM-120 = AMRAAM = 中距離空対空誘導弾"), why named systems are different needs
 * ({@code toldApart}: other blocks, siblings of one family, rivals for one role) and the features that moved the
 * likelihood most ({@code topFeatures}). Pages list the same systems as each reader's language names them
 * ({@code sameSystemsInReadersLanguage}: "AIM-120 = AMRAAM" / "AIM-120 = 中距離空対空誘導弾"); the API gives every name.
 */
public record Explanation(List<MatchedTerm> matchedTerms, double textSimilarity, String capabilityArea, boolean sameArea,
                          TimingOverlap timing, double quantityFit, Sentence summary, String otherCapabilityArea,
                          String needKind, String otherNeedKind, boolean sameServiceDomain, double areaSimilarity,
                          Sentence capabilityAreaLabel, Sentence otherCapabilityAreaLabel, Sentence needKindLabel,
                          Sentence otherNeedKindLabel, Double likelihood, String modelVersion, double ruleScore,
                          boolean ruleOpportunity, List<Sentence> sameSystems, List<Sentence> toldApart,
                          List<Sentence> topFeatures,
                          @com.fasterxml.jackson.annotation.JsonIgnore List<Sentence> sameSystemsInReadersLanguage) {

    public Explanation {
        sameSystemsInReadersLanguage = List.copyOf(sameSystemsInReadersLanguage);
        matchedTerms = List.copyOf(matchedTerms);
        sameSystems = List.copyOf(sameSystems);
        toldApart = List.copyOf(toldApart);
        topFeatures = List.copyOf(topFeatures);
        modelVersion = modelVersion == null ? "" : modelVersion;
    }
}
