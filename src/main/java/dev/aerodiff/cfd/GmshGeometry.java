package dev.aerodiff.cfd;

import java.util.Locale;

/**
 * Writes the gmsh geometry script of the flow domain: the airfoil polygon inside a circular far
 * field, meshed with triangles sized by {@link MeshSettings} and extruded one cell deep (unit
 * span) into the prisms OpenFOAM needs for a 2-D run. Physical groups name the patches
 * {@code airfoil}, {@code farfield} and {@code frontAndBack}.
 */
public final class GmshGeometry {

    private GmshGeometry() {
    }

    /**
     * @param shape the airfoil
     * @param mesh  cell sizes
     * @return the .geo script (gmsh 4 syntax, MSH 2.2 output as gmshToFoam requires)
     */
    public static String script(AirfoilShape shape, MeshSettings mesh) {
        StringBuilder g = new StringBuilder();
        int n = shape.size();
        g.append("// airfoil ").append(shape.name()).append(", written by AeroDiff\n");
        g.append("Mesh.MshFileVersion = 2.2;\n");
        for (int k = 0; k < n; k++) {
            g.append(String.format(Locale.ROOT, "Point(%d) = {%.9f, %.9f, 0, %g};%n", k + 1, shape.x(k), shape.y(k),
                    mesh.wallCellSize()));
        }
        for (int k = 0; k < n; k++) {
            g.append(String.format(Locale.ROOT, "Line(%d) = {%d, %d};%n", k + 1, k + 1, (k + 1) % n + 1));
        }
        g.append(String.format(Locale.ROOT, "Curve Loop(1) = {1:%d};%n", n));
        int c = n + 1;
        double r = mesh.farfieldRadius();
        g.append(String.format(Locale.ROOT, "Point(%d) = {0.5, 0, 0, %g};%n", c, mesh.farfieldCellSize()));
        double[][] ends = {{r, 0}, {0, r}, {-r, 0}, {0, -r}};
        for (int k = 0; k < 4; k++) {
            g.append(String.format(Locale.ROOT, "Point(%d) = {%g, %g, 0, %g};%n", c + 1 + k, 0.5 + ends[k][0], ends[k][1],
                    mesh.farfieldCellSize()));
        }
        for (int k = 0; k < 4; k++) {
            g.append(String.format(Locale.ROOT, "Circle(%d) = {%d, %d, %d};%n", n + 1 + k, c + 1 + k, c,
                    c + 1 + (k + 1) % 4));
        }
        g.append(String.format(Locale.ROOT, "Curve Loop(2) = {%d:%d};%n", n + 1, n + 4));
        g.append("Plane Surface(1) = {2, 1};\n");
        g.append(String.format(Locale.ROOT, """
                Field[1] = Box;
                Field[1].VIn = %g; Field[1].VOut = %g; Field[1].Thickness = 3;
                Field[1].XMin = -0.7; Field[1].XMax = 1.7; Field[1].YMin = -1.2; Field[1].YMax = 1.2;
                Field[2] = Distance; Field[2].CurvesList = {1:%d}; Field[2].NumPointsPerCurve = 20;
                Field[3] = Threshold; Field[3].InField = 2;
                Field[3].SizeMin = %g; Field[3].SizeMax = %g; Field[3].DistMin = 0.01; Field[3].DistMax = 0.3;
                Field[4] = Min; Field[4].FieldsList = {1, 3};
                Background Field = 4;
                Mesh.MeshSizeExtendFromBoundary = 0;
                ex[] = Extrude {0, 0, 1} { Surface{1}; Layers{1}; Recombine; };
                Physical Surface("frontAndBack") = {1, ex[0]};
                Physical Surface("farfield") = {ex[{2:5}]};
                Physical Surface("airfoil") = {ex[{6:%d}]};
                Physical Volume("internal") = {ex[1]};
                """, mesh.regionCellSize(), mesh.farfieldCellSize(), n, mesh.wallCellSize(), mesh.farfieldCellSize(),
                5 + n));
        return g.toString();
    }
}
