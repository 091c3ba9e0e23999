// ww2-yugoslavia-casualties/check: checking a claim against the published figures, explaining the
// difference between two figures, and the rounding core they stand on (precision read from how a
// figure is written; the GRIM test; Das Gupta's decomposition of a product). Browser-safe, no
// Node built-in; it sits behind its own entry so that the core entry keeps its weight.

export { checkClaim, measureMeanings } from '../analysis/checkClaim.js';
export type {
  Claim,
  ClaimCheck,
  ClaimCheckRow,
  ClaimQualifier,
  CheckClaimOptions,
  MeasureRelation,
} from '../analysis/checkClaim.js';
export { reconcile } from '../analysis/reconcile.js';
export type {
  ComponentKind,
  Reconciliation,
  ReconcileComponent,
  ReconcileFigure,
  ReconcileInput,
  ReconcileOptions,
} from '../analysis/reconcile.js';
export { reconcileChart } from '../charts/reconcile.js';
export { decomposeProduct, maxFactors } from '../analysis/decompose.js';
export type { FactorEffect, ProductDecomposition } from '../analysis/decompose.js';
export { grim, readFigure, roundingRules } from '../analysis/rounding.js';
export type { GrimOptions, GrimResult, RoundingRule, WrittenFigure } from '../analysis/rounding.js';
