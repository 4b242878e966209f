package org.dicas.shared;

/** A change that did not say which version it was made against (no {@code If-Match}): 428, nothing saved. */
public class VersionRequiredException extends RuntimeException {
    public VersionRequiredException() {
        super("this change must name the version it was made against: send If-Match with the ETag you read");
    }
}
