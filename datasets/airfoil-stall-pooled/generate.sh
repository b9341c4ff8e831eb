#!/usr/bin/env bash
# Generates datasets/airfoil-stall-pooled (README.md there): the conditions of datasets/airfoil-stall
# simulated with its solver recipe on meshes whose cell sizes are scaled by 0.8 to 1.05, and pooled.
#   test.nc (committed): the test split on the meshes x0.8, x0.9, x0.95, x1.05 and the data set's
#     own runs (x1.0), 4 snapshots of each                  <- validation/stall-mesh/run.sh
#   train.nc (committed), a copy of target/stall-mesh/train-between-pooled.nc (42 MB; what the
#     shipped examples/stall-pooled-*.aerodiff were trained on): the train and between splits on the meshes
#     x0.9, x0.95, x1.0, x1.05, 5 snapshots of each, the conditions that ran on all four
#                                                           <- validation/stall-mesh/train.sh, train-between.sh
# The three scripts run with ONLY=none: they simulate and pool, and train or validate nothing.
# About 200 OpenFOAM cases, 2 at a time: roughly two hours on 2 cores; resumable (finished cases
# in target/stall-mesh are reused). Installs openfoam and gmsh where they are missing.
# Usage (from anywhere): bash datasets/airfoil-stall-pooled/generate.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../.."
SCALES="0.8 0.9 0.95 1.05" ONLY=none bash validation/stall-mesh/run.sh > /dev/null
ONLY=none bash validation/stall-mesh/train.sh > /dev/null
ONLY=none bash validation/stall-mesh/train-between.sh > /dev/null
cp target/stall-mesh/test-pooled.nc "$here/test.nc.tmp" && mv "$here/test.nc.tmp" "$here/test.nc"
# train.nc beside test.nc: quickstart reports the lookup of the training simulations as well
cp target/stall-mesh/train-between-pooled.nc "$here/train.nc.tmp" && mv "$here/train.nc.tmp" "$here/train.nc"
java -jar target/aerodiff.jar dataset info "$here/test.nc"
java -jar target/aerodiff.jar dataset info "$here/train.nc"
