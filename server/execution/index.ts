// The execution plane's public face: the control plane and startServer import from here only.
export { createExecutionPlane, type ExecutionPlaneOptions } from './execution-plane.ts';
export type { ComplexityEstimator } from './analysis/analyzer.ts';
export type {
  AnalysisRequest,
  ExecutionFeatures,
  ExecutionHealth,
  ExecutionFinished,
  ExecutionPlane,
  JudgeTestCase,
  PageRequest,
  RunRequest,
  SandboxPolicy,
  SubmissionRequest,
} from './types.ts';
