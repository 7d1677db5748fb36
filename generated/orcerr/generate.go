package orcerr

// The files of this package ending in _gen.go, and the rest of generated/,
// come from orcgen's embedded default inputs. To regenerate after changing
// orcgen (CI fails on any difference: see TestRepositoryGeneratedIsCurrent):
//
//go:generate go run github.com/orcgen/orcgen/cmd/orcgen generate -out ..
