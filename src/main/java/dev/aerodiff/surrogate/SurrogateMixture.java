package dev.aerodiff.surrogate;

import dev.aerodiff.field.Channel;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.sampling.SamplerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * An equal mixture of several trained surrogates (a deep ensemble): bundles trained with other seeds
 * or data, each a draw of the network that training could have given, sampled together so that
 * what one network gets wrong by chance is averaged with the others, and where they disagree the
 * ensemble spreads. Of an ensemble of n samples, member k of K draws samples
 * {@code floor(n k / K)} to {@code floor(n (k + 1) / K) - 1}, each with the noise that sample gets
 * from the request's seed, so a sample's noise does not depend on the number of members and a
 * mixture of one bundle with itself draws what the bundle draws alone.
 */
public final class SurrogateMixture extends BundleCombination {
    private SurrogateMixture(List<Surrogate> members) {
        super(members, "a mixture");
    }

    /**
     * @param members the surrogates, at least one, on one grid and trained with one method
     * @return their equal mixture
     * @throws IllegalArgumentException if there are none, or their grids or training methods differ
     */
    public static SurrogateMixture of(List<Surrogate> members) {
        return new SurrogateMixture(members);
    }

    /**
     * Each member draws its share of every request, all requests together in its batches, member
     * after member, so progress counts the samples drawn by all members so far: it reaches the
     * index of the last stacked sample when the last member is done.
     *
     * @return the ensembles, the members' shares in member order; the nfe of each is the largest of
     *         its shares'
     */
    @Override
    public List<Ensemble> predict(List<Surrogate.Request> requests, SamplerSpec spec, IntConsumer progress) {
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("no ensembles requested");
        }
        List<Surrogate> members = members();
        int size = members.size();
        List<List<Ensemble>> shares = new ArrayList<>();
        requests.forEach(r -> shares.add(new ArrayList<>()));
        int drawn = 0;
        for (int k = 0; k < size; k++) {
            List<Surrogate.Request> mine = new ArrayList<>();
            List<Integer> owners = new ArrayList<>();
            for (int r = 0; r < requests.size(); r++) {
                Surrogate.Request q = requests.get(r);
                int from = shareStart(q.count(), k, size);
                int to = shareStart(q.count(), k + 1, size);
                if (to > from) {
                    mine.add(new Surrogate.Request(q.condition(), q.mask(), to - from, q.seed(),
                            q.firstSample() + from));
                    owners.add(r);
                }
            }
            if (mine.isEmpty()) {
                continue;
            }
            int before = drawn;
            List<Ensemble> part = members.get(k).predict(mine, spec, last -> progress.accept(before + last));
            for (int i = 0; i < part.size(); i++) {
                shares.get(owners.get(i)).add(part.get(i));
                drawn += mine.get(i).count();
            }
        }
        List<Ensemble> out = new ArrayList<>();
        for (int r = 0; r < requests.size(); r++) {
            out.add(joined(requests.get(r), shares.get(r), size));
        }
        return out;
    }

    /** @return the index of the first of n samples that member k of {@code size} draws */
    static int shareStart(int n, int k, int size) {
        return (int) ((long) n * k / size);
    }

    /** @return the members' shares of one request as one ensemble of {@code size} members */
    private static Ensemble joined(Surrogate.Request request, List<Ensemble> parts, int size) {
        FlowCase first = parts.get(0).samples();
        int per = Channel.count() * first.cellCount();
        float[] values = new float[request.count() * per];
        int nfe = 0;
        int at = 0;
        for (Ensemble part : parts) {
            float[] v = part.samples().values();
            System.arraycopy(v, 0, values, at, v.length);
            at += v.length;
            nfe = Math.max(nfe, part.nfe());
        }
        FlowCase samples = new FlowCase(first.condition(), first.mask(), first.units(), request.count(), values, null);
        return new Ensemble(samples, parts.get(0).sampler(), nfe, request.seed(), size);
    }
}
