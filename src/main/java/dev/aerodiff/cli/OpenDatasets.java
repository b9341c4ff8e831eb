package dev.aerodiff.cli;

import dev.aerodiff.data.FieldDataset;
import dev.aerodiff.io.NetcdfFieldDataset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The data sets of several NetCDF files, opened together and closed together. */
final class OpenDatasets implements AutoCloseable {
    private final List<FieldDataset> datasets;

    private OpenDatasets(List<FieldDataset> datasets) {
        this.datasets = datasets;
    }

    /**
     * @param files the files, in order
     * @return them opened; if one cannot be, those already open are closed before the error
     */
    static OpenDatasets of(List<Path> files) {
        List<FieldDataset> opened = new ArrayList<>();
        try {
            for (Path f : files) {
                opened.add(NetcdfFieldDataset.open(f));
            }
        } catch (RuntimeException e) {
            opened.forEach(FieldDataset::close);
            throw e;
        }
        return new OpenDatasets(List.copyOf(opened));
    }

    /** @return the data sets, in the order of the files */
    List<FieldDataset> all() {
        return datasets;
    }

    @Override
    public void close() {
        datasets.forEach(FieldDataset::close);
    }
}
