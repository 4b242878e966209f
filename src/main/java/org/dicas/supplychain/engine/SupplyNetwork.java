package org.dicas.supplychain.engine;

import org.dicas.shared.Sentence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A validated, compiled supply network in compact int arrays (CSR). Immutable and safe to share between threads.
 *
 * <p>Nodes are renumbered into a topological order (every source before the nodes it feeds), namely the post-order
 * of a depth-first search from the end items that visits the deeper of a node's sources first. In that order a
 * node's sources, and everything upstream of them, carry smaller numbers than the node itself, which lets the
 * analyses run as single forward or backward sweeps over plain arrays and keeps critical sets append-friendly (see
 * {@code docs/supply-chain-method.md}). The inputs of node {@code x} are {@code inputStart[x] .. inputStart[x+1]-1}
 * and the sources of input {@code i} are {@code sources[sourceStart[i] .. sourceStart[i+1]-1]}.
 *
 * <p>A missing country or company counts as {@value #UNKNOWN} everywhere (concentration and disruptions); country
 * codes are compared upper-cased, company names as given (trimmed).
 */
public final class SupplyNetwork {

    /** The country or company of a node that has none. */
    public static final String UNKNOWN = "UNKNOWN";

    final int nodeCount;
    final String[] ids;
    final String[] names;
    final int[] country;
    final int[] company;
    final String[] countryNames;
    final String[] companyNames;
    /** -1 when not given. */
    final int[] ttrDays;
    /** NaN when not given. */
    final double[] capacity;
    final IdIndex byId;

    final int[] inputStart;
    final int[] inputNode;
    final String[] inputItem;
    /** Internal input index of the i-th input of the spec (for output in the order given). */
    final int[] inputBySpec;
    final int[] sourceStart;
    final int[] sources;

    final String[] endItemIds;
    final String[] endItemPrograms;
    final int[] endItemNode;
    /** -1 when not given. */
    final int[] inventoryDays;
    final IdIndex endItemById;

    private volatile boolean[] baseline;

    private SupplyNetwork(Builder b) {
        nodeCount = b.n;
        ids = b.ids;
        names = b.names;
        country = b.country;
        company = b.company;
        countryNames = b.countryNames;
        companyNames = b.companyNames;
        ttrDays = b.ttr;
        capacity = b.capacity;
        byId = b.byId;
        inputStart = b.inputStart;
        inputNode = b.inputNode;
        inputItem = b.inputItem;
        inputBySpec = b.inputBySpec;
        sourceStart = b.sourceStart;
        sources = b.sources;
        endItemIds = b.endItemIds;
        endItemPrograms = b.endItemPrograms;
        endItemNode = b.endItemNode;
        inventoryDays = b.inventoryDays;
        endItemById = b.endItemById;
    }

    /** Validates and compiles; errors name the offending id. */
    public static SupplyNetwork compile(NetworkSpec spec) {
        return compile(spec, Positions.NONE);
    }

    static SupplyNetwork compile(NetworkSpec spec, Positions at) {
        return new SupplyNetwork(new Builder(spec, at).build());
    }

    public int nodeCount() {
        return nodeCount;
    }

    public int inputCount() {
        return inputNode.length;
    }

    /** Source links, after removing a source listed twice in the same input. */
    public int linkCount() {
        return sources.length;
    }

    public int endItemCount() {
        return endItemIds.length;
    }

    /** Whether a node of this id exists. */
    public boolean hasNode(String id) {
        return byId.get(id) >= 0;
    }

    int index(String id) {
        return byId.get(id);
    }

    /** Operational status of every node (internal order) with nothing disrupted; computed once. */
    boolean[] baseline() {
        boolean[] b = baseline;
        if (b == null) {
            b = operational(new boolean[nodeCount]);
            baseline = b;
        }
        return b;
    }

    /**
     * Operational status of every node (internal order) given the nodes taken out: one forward sweep, because every
     * source precedes its consumers. O(nodes + links).
     */
    boolean[] operational(boolean[] disrupted) {
        int n = nodeCount;
        boolean[] op = new boolean[n];
        int[] inStart = inputStart;
        int[] srcStart = sourceStart;
        int[] src = sources;
        for (int x = 0; x < n; x++) {
            if (disrupted[x]) {
                continue;
            }
            boolean ok = true;
            for (int i = inStart[x], ie = inStart[x + 1]; i < ie && ok; i++) {
                boolean any = false;
                for (int k = srcStart[i], ke = srcStart[i + 1]; k < ke; k++) {
                    if (op[src[k]]) {
                        any = true;
                        break;
                    }
                }
                ok = any;
            }
            op[x] = ok;
        }
        return op;
    }

    /**
     * The nodes a disruption takes out directly (internal order). Node ids must exist; countries match
     * case-insensitively, companies exactly (after trimming); {@value #UNKNOWN} matches nodes that name none.
     */
    boolean[] disrupted(Disruption d) {
        boolean[] dis = new boolean[nodeCount];
        List<String> unknown = new ArrayList<>();
        for (String id : d.nodes()) {
            int x = byId.get(id);
            if (x < 0) {
                unknown.add(id);
            } else {
                dis[x] = true;
            }
        }
        if (!unknown.isEmpty()) {
            unknown.sort(null);
            throw NetworkException.of("network.error.disruptionUnknownNode", unknown.get(0));
        }
        boolean[] countryHit = new boolean[countryNames.length];
        boolean anyCountry = false;
        for (String c : d.countries()) {
            if (c == null) {
                continue;
            }
            String key = c.trim().toUpperCase(Locale.ROOT);
            for (int i = 0; i < countryNames.length; i++) {
                if (countryNames[i].equals(key)) {
                    countryHit[i] = true;
                    anyCountry = true;
                }
            }
        }
        boolean[] companyHit = new boolean[companyNames.length];
        boolean anyCompany = false;
        for (String c : d.companies()) {
            if (c == null) {
                continue;
            }
            String key = c.trim();
            for (int i = 0; i < companyNames.length; i++) {
                if (companyNames[i].equals(key)) {
                    companyHit[i] = true;
                    anyCompany = true;
                }
            }
        }
        if (anyCountry || anyCompany) {
            for (int x = 0; x < nodeCount; x++) {
                if (countryHit[country[x]] || companyHit[company[x]]) {
                    dis[x] = true;
                }
            }
        }
        return dis;
    }

    /** Compiles a spec: validation in the order nodes, inputs, end items, cycles; the first error wins. */
    /** An input's item for messages: its name, or "(no item)" in the reader's language. */
    static Object item(String item) {
        return item == null ? Sentence.of("network.noItem") : item;
    }

    private static final class Builder {
        final NetworkSpec spec;
        final Positions at;
        int n;
        String[] ids;
        String[] names;
        int[] country;
        int[] company;
        String[] countryNames;
        String[] companyNames;
        int[] ttr;
        double[] capacity;
        IdIndex byId;
        int[] inputStart;
        int[] inputNode;
        String[] inputItem;
        int[] inputBySpec;
        int[] sourceStart;
        int[] sources;
        String[] endItemIds;
        String[] endItemPrograms;
        int[] endItemNode;
        int[] inventoryDays;
        IdIndex endItemById;

        // spec-order structures
        int[] specInputNode;
        int[] specSrcStart;
        int[] specSrc;

        Builder(NetworkSpec spec, Positions at) {
            this.spec = spec;
            this.at = at;
        }

        Builder build() {
            readNodes();
            readInputs();
            readEndItems();
            renumber();
            return this;
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }

        private void readNodes() {
            List<NetworkSpec.Node> nodes = spec.nodes();
            n = nodes.size();
            ids = new String[n];
            names = new String[n];
            country = new int[n];
            company = new int[n];
            ttr = new int[n];
            capacity = new double[n];
            byId = new IdIndex(n);
            Map<String, Integer> countries = new HashMap<>();
            Map<String, Integer> companies = new HashMap<>();
            List<String> countryList = new ArrayList<>();
            List<String> companyList = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                NetworkSpec.Node node = nodes.get(j);
                if (node == null || blank(node.id())) {
                    throw NetworkException.at(Sentence.of("network.error.nodeNumberWithoutId", j + 1), at.node(j));
                }
                String id = node.id();
                if (byId.putIfAbsent(id, j) >= 0) {
                    throw NetworkException.at(Sentence.of("network.error.duplicateNode", id), at.node(j));
                }
                ids[j] = id;
                names[j] = node.name();
                String c = blank(node.country()) ? UNKNOWN : node.country().trim().toUpperCase(Locale.ROOT);
                country[j] = countries.computeIfAbsent(c, k -> {
                    countryList.add(k);
                    return countryList.size() - 1;
                });
                String co = blank(node.company()) ? UNKNOWN : node.company().trim();
                company[j] = companies.computeIfAbsent(co, k -> {
                    companyList.add(k);
                    return companyList.size() - 1;
                });
                Integer t = node.ttrDays();
                if (t != null && t < 0) {
                    throw NetworkException.at(Sentence.of("network.error.negativeTtr", id, t), at.node(j));
                }
                ttr[j] = t == null ? -1 : t;
                Double cap = node.capacity();
                if (cap != null && (cap < 0 || cap.isNaN() || cap.isInfinite())) {
                    throw NetworkException.at(Sentence.of("network.error.badCapacity", id, String.valueOf(cap)), at.node(j));
                }
                capacity[j] = cap == null ? Double.NaN : cap;
            }
            countryNames = countryList.toArray(String[]::new);
            companyNames = companyList.toArray(String[]::new);
        }


        private void readInputs() {
            List<NetworkSpec.Input> inputs = spec.inputs();
            int m = inputs.size();
            long upper = 0;
            for (NetworkSpec.Input in : inputs) {
                if (in != null && in.sources() != null) {
                    upper += in.sources().size();
                }
            }
            if (upper > Integer.MAX_VALUE - 16) {
                throw NetworkException.of("network.error.tooManyLinks", upper);
            }
            specInputNode = new int[m];
            specSrcStart = new int[m + 1];
            int[] src = new int[(int) upper];
            int[] seen = new int[n];
            int p = 0;
            for (int k = 0; k < m; k++) {
                NetworkSpec.Input in = inputs.get(k);
                if (in == null || blank(in.node())) {
                    Sentence what = in == null || in.item() == null ? Sentence.of("network.where.inputNumber", k + 1)
                            : Sentence.of("network.where.input", in.item());
                    throw NetworkException.at(Sentence.of("network.error.inputNoNode", what), at.input(k));
                }
                int consumer = byId.get(in.node());
                if (consumer < 0) {
                    throw NetworkException.at(Sentence.of("network.error.inputUnknownNode",
                            Sentence.of("network.where.input", item(in.item())), in.node()), at.input(k));
                }
                Sentence of = Sentence.of("network.where.inputOfNode", item(in.item()), in.node());
                List<String> s = in.sources();
                if (s == null || s.isEmpty()) {
                    throw NetworkException.at(Sentence.of("network.error.noSources", of), at.input(k));
                }
                specInputNode[k] = consumer;
                specSrcStart[k] = p;
                boolean small = s.size() <= 16;
                for (String sid : s) {
                    if (blank(sid)) {
                        throw NetworkException.at(Sentence.of("network.error.sourceWithoutId", of), at.input(k));
                    }
                    int x = byId.get(sid);
                    if (x < 0) {
                        throw NetworkException.at(Sentence.of("network.error.unknownSource", of, sid), at.input(k));
                    }
                    if (small) {
                        // a short scan beats a random access into seen[]
                        boolean dup = false;
                        for (int q = specSrcStart[k]; q < p && !dup; q++) {
                            dup = src[q] == x;
                        }
                        if (!dup) {
                            src[p++] = x;
                        }
                    } else if (seen[x] != k + 1) {
                        seen[x] = k + 1;
                        src[p++] = x;
                    }
                }
            }
            specSrcStart[m] = p;
            specSrc = p == src.length ? src : Arrays.copyOf(src, p);
        }

        private void readEndItems() {
            List<NetworkSpec.EndItem> items = spec.endItems();
            int e = items.size();
            endItemIds = new String[e];
            endItemPrograms = new String[e];
            endItemNode = new int[e];
            inventoryDays = new int[e];
            endItemById = new IdIndex(e);
            for (int k = 0; k < e; k++) {
                NetworkSpec.EndItem it = items.get(k);
                if (it == null || blank(it.id())) {
                    throw NetworkException.at(Sentence.of("network.error.endItemNumberWithoutId", k + 1), at.endItem(k));
                }
                if (endItemById.putIfAbsent(it.id(), k) >= 0) {
                    throw NetworkException.at(Sentence.of("network.error.duplicateEndItem", it.id()), at.endItem(k));
                }
                if (blank(it.node())) {
                    throw NetworkException.at(Sentence.of("network.error.endItemNoNode", it.id()), at.endItem(k));
                }
                int x = byId.get(it.node());
                if (x < 0) {
                    throw NetworkException.at(Sentence.of("network.error.endItemUnknownNode", it.id(), it.node()), at.endItem(k));
                }
                Integer inv = it.inventoryDays();
                if (inv != null && inv < 0) {
                    throw NetworkException.at(Sentence.of("network.error.negativeInventory", it.id(), inv), at.endItem(k));
                }
                endItemIds[k] = it.id();
                endItemPrograms[k] = it.program();
                endItemNode[k] = x;
                inventoryDays[k] = inv == null ? -1 : inv;
            }
        }

        /**
         * Cycle check (Kahn), heights, then the depth-first post-order numbering, then the internal arrays.
         */
        private void renumber() {
            int m = specInputNode.length;
            int links = specSrc.length;
            // inputs of each node, in spec order
            int[] nodeInStart = new int[n + 1];
            for (int k = 0; k < m; k++) {
                nodeInStart[specInputNode[k] + 1]++;
            }
            for (int j = 0; j < n; j++) {
                nodeInStart[j + 1] += nodeInStart[j];
            }
            int[] nodeIn = new int[m];
            int[] fill = Arrays.copyOf(nodeInStart, n);
            for (int k = 0; k < m; k++) {
                nodeIn[fill[specInputNode[k]]++] = k;
            }
            fill = null;

            int[] height = kahn(nodeInStart, nodeIn, links);
            int[] order = depthFirstPostOrder(nodeInStart, nodeIn, height); // spec index -> internal index
            height = null;

            int[] specOf = new int[n];
            for (int j = 0; j < n; j++) {
                specOf[order[j]] = j;
            }
            ids = permute(ids, specOf);
            names = permute(names, specOf);
            country = permute(country, specOf);
            company = permute(company, specOf);
            ttr = permute(ttr, specOf);
            double[] cap = new double[n];
            for (int x = 0; x < n; x++) {
                cap[x] = capacity[specOf[x]];
            }
            capacity = cap;
            byId.remap(order);
            for (int k = 0; k < endItemNode.length; k++) {
                endItemNode[k] = order[endItemNode[k]];
            }

            inputStart = new int[n + 1];
            inputNode = new int[m];
            inputItem = new String[m];
            inputBySpec = new int[m];
            sourceStart = new int[m + 1];
            sources = new int[links];
            List<NetworkSpec.Input> specInputs = spec.inputs();
            int q = 0;
            int p = 0;
            for (int x = 0; x < n; x++) {
                inputStart[x] = q;
                int j = specOf[x];
                for (int t = nodeInStart[j]; t < nodeInStart[j + 1]; t++) {
                    int k = nodeIn[t];
                    inputNode[q] = x;
                    inputItem[q] = specInputs.get(k).item();
                    inputBySpec[k] = q;
                    sourceStart[q] = p;
                    for (int r = specSrcStart[k]; r < specSrcStart[k + 1]; r++) {
                        sources[p++] = order[specSrc[r]];
                    }
                    q++;
                }
            }
            inputStart[n] = q;
            sourceStart[m] = p;
            specSrc = null;
            specSrcStart = null;
            specInputNode = null;
        }

        private static String[] permute(String[] a, int[] specOf) {
            String[] r = new String[a.length];
            for (int x = 0; x < a.length; x++) {
                r[x] = a[specOf[x]];
            }
            return r;
        }

        private static int[] permute(int[] a, int[] specOf) {
            int[] r = new int[a.length];
            for (int x = 0; x < a.length; x++) {
                r[x] = a[specOf[x]];
            }
            return r;
        }

        /** Kahn's algorithm over the links; returns heights (longest path down to a node without inputs). */
        private int[] kahn(int[] nodeInStart, int[] nodeIn, int links) {
            int[] pending = new int[n];
            int[] revStart = new int[n + 1];
            for (int j = 0; j < n; j++) {
                for (int t = nodeInStart[j]; t < nodeInStart[j + 1]; t++) {
                    int k = nodeIn[t];
                    pending[j] += specSrcStart[k + 1] - specSrcStart[k];
                }
            }
            for (int r = 0; r < links; r++) {
                revStart[specSrc[r] + 1]++;
            }
            for (int j = 0; j < n; j++) {
                revStart[j + 1] += revStart[j];
            }
            int[] rev = new int[links];
            int[] fill = Arrays.copyOf(revStart, n);
            for (int k = 0; k < specInputNode.length; k++) {
                for (int r = specSrcStart[k]; r < specSrcStart[k + 1]; r++) {
                    rev[fill[specSrc[r]]++] = specInputNode[k];
                }
            }
            fill = null;
            int[] height = new int[n];
            int[] queue = new int[n];
            int head = 0;
            int tail = 0;
            for (int j = 0; j < n; j++) {
                if (pending[j] == 0) {
                    queue[tail++] = j;
                }
            }
            while (head < tail) {
                int s = queue[head++];
                int h = height[s] + 1;
                for (int r = revStart[s]; r < revStart[s + 1]; r++) {
                    int u = rev[r];
                    if (height[u] < h) {
                        height[u] = h;
                    }
                    if (--pending[u] == 0) {
                        queue[tail++] = u;
                    }
                }
            }
            if (tail < n) {
                throw cycle(nodeInStart, nodeIn, pending);
            }
            return height;
        }

        /** Names a node on a cycle: walk from the first unfinished node along unfinished sources until one repeats. */
        private NetworkException cycle(int[] nodeInStart, int[] nodeIn, int[] pending) {
            int v = 0;
            while (pending[v] == 0) {
                v++;
            }
            int[] seen = new int[n];
            int step = 1;
            while (seen[v] == 0) {
                seen[v] = step++;
                int next = -1;
                for (int t = nodeInStart[v]; t < nodeInStart[v + 1] && next < 0; t++) {
                    int k = nodeIn[t];
                    for (int r = specSrcStart[k]; r < specSrcStart[k + 1]; r++) {
                        if (pending[specSrc[r]] > 0) {
                            next = specSrc[r];
                            break;
                        }
                    }
                }
                v = next;
            }
            return NetworkException.at(Sentence.of("network.error.cycle", ids[v]), at.node(v));
        }

        /**
         * Iterative depth-first search from the end items' nodes, then from every other node in spec order; a
         * node's sources are visited deepest first (by height, ties by spec position). Returns spec index to
         * post-order number. The children of the frames on the stack are kept as consecutive segments of one array.
         */
        private int[] depthFirstPostOrder(int[] nodeInStart, int[] nodeIn, int[] height) {
            int[] order = new int[n];
            boolean[] visited = new boolean[n];
            int[] stackNode = new int[16];
            int[] stackPos = new int[16];
            int[] stackEnd = new int[16];
            int[] children = new int[Math.max(16, specSrc.length)];
            long[] scratch = new long[16];
            int counter = 0;
            int roots = endItemNode.length + n;
            for (int r = 0; r < roots; r++) {
                int root = r < endItemNode.length ? endItemNode[r] : r - endItemNode.length;
                if (visited[root]) {
                    continue;
                }
                visited[root] = true;
                int sp = 0;
                int next = root;
                while (true) {
                    if (next >= 0) {
                        if (sp == stackNode.length) {
                            stackNode = Arrays.copyOf(stackNode, sp * 2);
                            stackPos = Arrays.copyOf(stackPos, sp * 2);
                            stackEnd = Arrays.copyOf(stackEnd, sp * 2);
                        }
                        int base = sp == 0 ? 0 : stackEnd[sp - 1];
                        int cnt = 0;
                        for (int t = nodeInStart[next]; t < nodeInStart[next + 1]; t++) {
                            int k = nodeIn[t];
                            cnt += specSrcStart[k + 1] - specSrcStart[k];
                        }
                        if (cnt > scratch.length) {
                            scratch = new long[Math.max(cnt, scratch.length * 2)];
                        }
                        int c = 0;
                        for (int t = nodeInStart[next]; t < nodeInStart[next + 1]; t++) {
                            int k = nodeIn[t];
                            for (int q = specSrcStart[k]; q < specSrcStart[k + 1]; q++) {
                                int s = specSrc[q];
                                scratch[c++] = ((long) (Integer.MAX_VALUE - height[s]) << 32) | s;
                            }
                        }
                        if (cnt > 1) {
                            Arrays.sort(scratch, 0, cnt);
                        }
                        for (int i = 0; i < cnt; i++) {
                            children[base + i] = (int) scratch[i];
                        }
                        stackNode[sp] = next;
                        stackPos[sp] = base;
                        stackEnd[sp] = base + cnt;
                        sp++;
                        next = -1;
                    }
                    int f = sp - 1;
                    if (stackPos[f] < stackEnd[f]) {
                        int c = children[stackPos[f]++];
                        if (!visited[c]) {
                            visited[c] = true;
                            next = c;
                        }
                    } else {
                        order[stackNode[f]] = counter++;
                        sp--;
                        if (sp == 0) {
                            break;
                        }
                    }
                }
            }
            return order;
        }
    }
}
