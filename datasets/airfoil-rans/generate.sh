#!/usr/bin/env bash
# Regenerates datasets/airfoil-rans/{train,test}.nc with OpenFOAM. Resumable: finished cases in
# the work directory are reused. Usage (from the repository root):
#   bash datasets/airfoil-rans/generate.sh [WORK_DIR]
here=$(cd "$(dirname "$0")" && pwd)
TITLE=${TITLE:-AeroDiff airfoil RANS snapshots} exec bash "$here/../generate.sh" "$here" "$@"
