package dev.aerodiff.cfd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sets patch types in {@code constant/polyMesh/boundary}: gmshToFoam writes every patch as
 * {@code patch}, while the airfoil must be a {@code wall} and the two sides of the one-cell-deep
 * mesh {@code empty} for a 2-D run.
 */
final class PolyMeshBoundary {

    private PolyMeshBoundary() {
    }

    /**
     * @param caseDir the case directory
     * @throws CaseFailedException if a patch is missing
     */
    static void setPatchTypes(Path caseDir) throws IOException {
        Path file = caseDir.resolve("constant/polyMesh/boundary");
        String text = Files.readString(file);
        text = setType(text, OpenFoamCase.WALL, "wall");
        text = setType(text, OpenFoamCase.SIDES, "empty");
        Files.writeString(file, text);
    }

    static String setType(String boundary, String patch, String type) {
        Pattern block = Pattern.compile("(\\n\\s*" + Pattern.quote(patch) + "\\s*\\{)([^}]*)\\}");
        Matcher m = block.matcher(boundary);
        if (!m.find()) {
            throw new CaseFailedException("patch '" + patch + "' missing from constant/polyMesh/boundary");
        }
        String body = m.group(2).replaceAll("(\\btype\\s+)\\w+;", "$1" + type + ";")
                .replaceAll("(\\bphysicalType\\s+)\\w+;", "$1" + type + ";");
        return boundary.substring(0, m.start()) + m.group(1) + body + "}"
                + boundary.substring(m.end());
    }
}
