package org.dicas.shared;

/** A change that did not say which version it was made against (no {@code If-Match}): 428, nothing saved. */
public class VersionRequiredException extends RuntimeException implements Explained {
    public VersionRequiredException() {
        super(Sentence.of("problem.versionRequired.detail").english());
    }

    @Override
    public Sentence sentence() {
        return Sentence.of("problem.versionRequired.detail");
    }
}
