package org.dicas.requirements;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dicas.requirements.engine.FinderModel;
import org.dicas.requirements.engine.TrainingSet;
import org.dicas.security.AuditLog;
import org.dicas.security.DicasUser;
import org.dicas.shared.Sentence;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The opportunity finder's model in use (method §11, ADR 0040): trained on the development sets shipped with the
 * application and on officials' judgments ({@link JudgedPairs#latest()}, when a bean provides them), retrained on
 * demand. The first use trains it (with no judgments it is {@link FinderModel#shipped()}); {@link #retrain} trains a
 * new one from the sets and the judgments as they are now. Every suggestion the finder makes carries the version of
 * the model that scored it.
 */
@Service
public class FinderModels {

    /** The model in use, when it was trained, and on how many judgments. */
    public record Trained(FinderModel model, Instant trainedAt) {
        public String version() {
            return model.version();
        }
    }

    private final ObjectProvider<JudgedPairs> judgedPairs;
    private final Requirements requirements;
    private final AuditLog audit;
    private final Clock clock;
    private volatile Trained current;

    FinderModels(ObjectProvider<JudgedPairs> judgedPairs, Requirements requirements, AuditLog audit,
                 ObjectProvider<Clock> clock) {
        this.judgedPairs = judgedPairs;
        this.requirements = requirements;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** The model in use (trained on first use). */
    public Trained trained() {
        Trained t = current;
        if (t == null) {
            synchronized (this) {
                t = current;
                if (t == null) {
                    t = train();
                    current = t;
                }
            }
        }
        return t;
    }

    public FinderModel current() {
        return trained().model();
    }

    public String currentVersion() {
        return trained().version();
    }

    /** Trains a new model from the development sets and the latest judgments; returns its version. */
    public String retrain() {
        Trained t = train();
        synchronized (this) {
            current = t;
        }
        return t.version();
    }

    /** Retraining asked for by a person: allowed by {@link RequirementWriteRules#retrainModel}, and audited. */
    public String retrain(DicasUser user) {
        RequirementWriteRules.retrainModel(user).orThrow();
        String before = current == null ? "" : current.version();
        String version = retrain();
        audit.append(user, "FINDER_MODEL_RETRAINED", null, Requirements.KIND,
                Sentence.of("audit.detail.finderModelRetrained", before.isEmpty() ? "-" : before, version,
                        current().judgedPairs()));
        return version;
    }

    private Trained train() {
        List<JudgedPair> judged = judgedPairs.stream().flatMap(j -> j.latest().stream()).toList();
        if (judged.isEmpty()) {
            return new Trained(FinderModel.shipped(), clock.instant());
        }
        Set<Long> ids = new LinkedHashSet<>();
        judged.forEach(j -> {
            ids.add(j.firstRequirementId());
            ids.add(j.secondRequirementId());
        });
        List<Requirement> rows = requirements.forTraining(ids);
        Map<Set<String>, Boolean> labels = new LinkedHashMap<>();
        for (JudgedPair j : judged) {
            if (j.firstRequirementId() != j.secondRequirementId()) {
                labels.put(Set.of(String.valueOf(j.firstRequirementId()), String.valueOf(j.secondRequirementId())),
                        j.sameNeed());
            }
        }
        List<TrainingSet> sets = new ArrayList<>(TrainingSet.development());
        sets.add(TrainingSet.ofJudgments("judgments",
                rows.stream().map(OpportunityFinderService::profile).toList(), labels));
        return new Trained(FinderModel.train(sets, FinderModel.Hyper.DEFAULT), clock.instant());
    }
}
