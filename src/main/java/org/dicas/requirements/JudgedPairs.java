package org.dicas.requirements;

import java.util.List;

/** Where the finder's model finds officials' judgments to train on: the latest judgment of each pair. */
public interface JudgedPairs {

    List<JudgedPair> latest();
}
