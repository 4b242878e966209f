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
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The opportunity finder's model in use (method §11, ADR 0040): trained on the development sets shipped with the
 * application and on officials' judgments ({@link JudgedPairs#latest()}), retrained on demand. It is trained once when
 * the application is ready, in the background ({@link #trainWhenReady}: readiness is not delayed, and a request that
 * comes before the model is ready waits for that one training rather than starting its own), and kept under the key of
 * what it was trained on — the shipped sets, the latest judgment of each pair and the version of each judged
 * requirement ({@link TrainingInputs}). When judgments change ({@link PairJudgments} publishes {@link JudgmentsChanged}),
 * a new model is trained in the background a little later ({@code dicas.finder.model.retrain-delay}, default 20 s,
 * so that a burst of judgments trains once); until it is ready the previous one stays in use. {@link #retrain} trains
 * at once (the Retrain button), unless a model trained on exactly these inputs is at hand. Every suggestion the finder
 * makes carries the version of the model that scored it.
 */
@Service
public class FinderModels {

    private static final Logger log = LoggerFactory.getLogger(FinderModels.class);

    /** The model in use, and when it was trained. */
    public record Trained(FinderModel model, Instant trainedAt) {
        public String version() {
            return model.version();
        }
    }

    /** Officials' judgments changed (published after a judgment is recorded): the model should follow them. */
    public record JudgmentsChanged() {
    }

    /**
     * What a model is trained on, as a key: the latest judgment of each pair and the version of every judged
     * requirement (their texts are the training rows); the shipped sets come with the application.
     */
    record TrainingInputs(List<JudgedPair> judged, Map<Long, Long> requirementVersions) {
    }

    private final ObjectProvider<JudgedPairs> judgedPairs;
    private final Requirements requirements;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration retrainDelay;
    /** Models by what they were trained on: a retrain on unchanged inputs, or inputs that came back, reuses one. */
    private final Cache<TrainingInputs, Trained> byInputs = Caffeine.newBuilder().maximumSize(4).build();
    private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "finder-model");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong requested = new AtomicLong();
    private volatile Trained current;
    private long currentTicket = -1;
    private volatile CompletableFuture<Trained> first;
    private ScheduledFuture<?> pending;

    FinderModels(ObjectProvider<JudgedPairs> judgedPairs, Requirements requirements, AuditLog audit,
                 ObjectProvider<Clock> clock,
                 @Value("${dicas.finder.model.retrain-delay:PT20S}") Duration retrainDelay) {
        this.judgedPairs = judgedPairs;
        this.requirements = requirements;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.retrainDelay = retrainDelay;
    }

    /** Trains the first model in the background once the application is ready (see the class comment). */
    @EventListener(ApplicationReadyEvent.class)
    void trainWhenReady() {
        startFirst();
    }

    private synchronized CompletableFuture<Trained> startFirst() {
        if (first == null) {
            long ticket = requested.incrementAndGet();
            first = CompletableFuture.supplyAsync(() -> install(ticket, train()), background);
        }
        return first;
    }

    /** Judgments changed: trains a new model in the background after the delay, once for a burst of changes. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(JudgmentsChanged event) {
        synchronized (this) {
            if (pending != null && !pending.isDone()) {
                pending.cancel(false);
            }
            long ticket = requested.incrementAndGet();
            pending = background.schedule(() -> {
                try {
                    install(ticket, train());
                } catch (RuntimeException e) {
                    log.warn("Retraining the finder's model after judgments changed failed: {}", e.getMessage());
                }
            }, retrainDelay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Puts a model in use unless a newer one asked for later is already in use; answers the model in use. */
    private synchronized Trained install(long ticket, Trained t) {
        if (ticket > currentTicket) {
            current = t;
            currentTicket = ticket;
        }
        return current;
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    /**
     * Whether a model is in use: the first training (started in the background when the application is ready) has
     * finished. Does not wait and starts nothing; load benchmarks wait for it so that they do not measure against
     * that training.
     */
    public boolean ready() {
        return current != null;
    }

    /** The model in use (waiting, before the first is ready, for the one training started at readiness). */
    public Trained trained() {
        Trained t = current;
        if (t != null) {
            return t;
        }
        CompletableFuture<Trained> f = startFirst();
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            synchronized (this) {
                if (first == f) {
                    first = null; // the next use tries again
                }
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    public FinderModel current() {
        return trained().model();
    }

    public String currentVersion() {
        return trained().version();
    }

    /** Trains a model from the development sets and the latest judgments now, and puts it in use; returns its version. */
    public String retrain() {
        long ticket = requested.incrementAndGet();
        return install(ticket, train()).version();
    }

    /** Retraining asked for by a person: allowed by {@link RequirementWriteRules#retrainModel}, and audited. */
    public String retrain(DicasUser user) {
        RequirementWriteRules.retrainModel(user).orThrow();
        Trained before = current;
        String version = retrain();
        audit.append(user, "FINDER_MODEL_RETRAINED", null, Requirements.KIND,
                Sentence.of("audit.detail.finderModelRetrained", before == null ? "-" : before.version(), version,
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
        Map<Long, Long> versions = new LinkedHashMap<>();
        rows.forEach(r -> versions.put(r.id(), r.version()));
        return byInputs.get(new TrainingInputs(judged, versions), k -> trainOn(judged, rows));
    }

    private Trained trainOn(List<JudgedPair> judged, List<Requirement> rows) {
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
