package dev.aerodiff.surrogate;

import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.Grid;
import dev.aerodiff.field.Mask;
import dev.aerodiff.train.TrainingObjective;
import java.util.List;
import java.util.Optional;

/**
 * What every way of sampling several bundles as one model shares ({@link SurrogateMixture},
 * {@link AveragedSurrogate}): at least one bundle, all on one grid and trained with one method, so that
 * one sampler serves all; the grid, method and masks are the first bundle's, and a condition lies
 * outside the training conditions wherever it lies outside any bundle's.
 */
abstract class BundleCombination implements EnsemblePredictor {
    private final List<Surrogate> members;
    private final String what;

    /**
     * @param members the surrogates
     * @param what    the combination, for messages ("a mixture")
     * @throws IllegalArgumentException if there are none, or their grids or training methods differ
     */
    BundleCombination(List<Surrogate> members, String what) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException(what + " needs at least one surrogate");
        }
        Surrogate first = members.get(0);
        for (Surrogate other : members.subList(1, members.size())) {
            if (!other.grid().equals(first.grid())) {
                throw new IllegalArgumentException("model bundle " + other.path() + " predicts on the grid "
                        + other.grid() + ", " + first.path() + " on " + first.grid() + ": " + what + " needs one grid");
            }
            if (other.objective() != first.objective()) {
                throw new IllegalArgumentException("model bundle " + other.path() + " was trained with "
                        + other.objective().id() + ", " + first.path() + " with " + first.objective().id()
                        + ": " + what + " needs one training method, so that one sampler serves all");
            }
        }
        this.members = List.copyOf(members);
        this.what = what;
    }

    /** @return the combination, for messages ("a mixture") */
    final String what() {
        return what;
    }

    @Override
    public final List<Surrogate> members() {
        return members;
    }

    @Override
    public final Grid grid() {
        return members.get(0).grid();
    }

    @Override
    public final TrainingObjective objective() {
        return members.get(0).objective();
    }

    @Override
    public final Mask mask(String airfoil) {
        return members.get(0).mask(airfoil);
    }

    /** @return each member's reasons, without repeats; nothing where no member records its conditions */
    @Override
    public final Optional<List<String>> extrapolation(FlowCondition condition) {
        List<List<String>> recorded = members.stream().map(m -> m.extrapolation(condition)).flatMap(Optional::stream)
                .toList();
        return recorded.isEmpty() ? Optional.empty()
                : Optional.of(recorded.stream().flatMap(List::stream).distinct().toList());
    }
}
