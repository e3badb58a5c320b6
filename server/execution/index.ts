// The execution plane's public face: the control plane and startServer import from here only.
export { createExecutionPlane, type ExecutionPlaneOptions } from './execution-plane.ts';
export type {
  ExecutionFeatures,
  ExecutionFinished,
  ExecutionPlane,
  JudgeTestCase,
  PageRequest,
  RunRequest,
  SubmissionRequest,
} from './types.ts';
