package dev.aerodiff.cfd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the OpenFOAM and gmsh programs of one case in its directory, each with its own log file,
 * inside the OpenFOAM environment (the installation's {@code etc/bashrc} is sourced first).
 */
public final class OpenFoamRunner {
    /** Debian's OpenFOAM environment file ({@code apt-get install openfoam}). */
    public static final Path DEBIAN_BASHRC = Path.of("/usr/share/openfoam/etc/bashrc");

    private final Path bashrc;

    /** @param bashrc the OpenFOAM environment file to source */
    public OpenFoamRunner(Path bashrc) {
        this.bashrc = bashrc;
    }

    /**
     * @throws IllegalStateException with installation advice if OpenFOAM or gmsh is missing
     */
    public void checkInstalled() {
        if (!Files.isRegularFile(bashrc)) {
            throw new IllegalStateException("OpenFOAM environment file " + bashrc + " not found: install OpenFOAM"
                    + " (Debian: apt-get install -y openfoam gmsh, or run datasets/airfoil-rans/setup.sh)"
                    + " or pass --openfoam-bashrc");
        }
        for (String tool : List.of("gmsh", "gmshToFoam", "simpleFoam", "checkMesh")) {
            try {
                Process p = process(Path.of("."), null, "bash", "-c", "command -v " + tool).start();
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IllegalStateException(tool + " not found in the OpenFOAM environment of " + bashrc
                            + ": install it (Debian: apt-get install -y openfoam gmsh)");
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot start bash: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
        }
    }

    /**
     * Runs one program in the case directory.
     *
     * @param dir     the case directory (working directory)
     * @param log     log file name inside {@code dir} (stdout and stderr)
     * @param timeout seconds before the program is killed
     * @param command the program and its arguments
     * @throws CaseFailedException if it exits non-zero or times out
     */
    public void run(Path dir, String log, long timeout, String... command) throws IOException, InterruptedException {
        // OpenFOAM's bashrc reads the shell's positional parameters as its own settings, so the
        // command is moved out of them before the file is sourced.
        List<String> full = new ArrayList<>(List.of("bash", "-c",
                "cmd=(\"$@\"); set --; source \"$AERODIFF_FOAM_BASHRC\" >/dev/null 2>&1; exec \"${cmd[@]}\"",
                "aerodiff-run"));
        full.addAll(List.of(command));
        Process p = process(dir, dir.resolve(log), full.toArray(String[]::new)).start();
        if (!p.waitFor(timeout, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new CaseFailedException(command[0] + " did not finish within " + timeout + " s (see " + log + ")");
        }
        if (p.exitValue() != 0) {
            throw new CaseFailedException(command[0] + " failed with exit code " + p.exitValue() + ": "
                    + failureReason(dir.resolve(log)));
        }
    }

    private ProcessBuilder process(Path dir, Path log, String... command) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("AERODIFF_FOAM_BASHRC", bashrc.toString());
        pb.environment().put("OMP_NUM_THREADS", "1");
        if (log != null) {
            pb.redirectOutput(log.toFile());
        } else {
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        return pb;
    }

    /**
     * @return what a failed program's log says: for OpenFOAM's floating-point trap (a solution that
     *         diverged) the iteration it reached, otherwise its last three non-empty lines
     */
    static String failureReason(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            if (lines.stream().anyMatch(l -> l.contains("sigFpe::sigHandler"))) {
                String time = lines.stream().map(String::strip).filter(l -> l.startsWith("Time = "))
                        .reduce((a, b) -> b).map(l -> " at iteration " + l.substring(7)).orElse("");
                return "floating-point exception" + time + " (the solution diverged; see " + log.getFileName() + ")";
            }
        } catch (IOException e) {
            return "(no log)";
        }
        return lastLines(log, 3);
    }

    /** @return the last non-empty lines of a log, joined, for error messages */
    static String lastLines(Path log, int count) {
        try {
            List<String> lines = Files.readAllLines(log).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
