/** The engine-test harness, re-exported from one module per concern (run.ts runs workflow JSON through n8n-core). */
import 'reflect-metadata';

export { readBinary } from './binaryData';
export { HarnessCredentialsHelper, resolveCredentialExpression } from './credentialsHelper';
export { HarnessNodeTypes } from './nodeTypes';
export { WAN_VIDEO_NODE_TYPE } from './packageClasses';
export { runWorkflow, startWorkflow, type RunOptions } from './run';
export type { RunResult } from './runResult';
export { HARNESS_ITEMS_NODE_TYPE, MANUAL_TRIGGER_NODE_TYPE, NOOP_NODE_TYPE, type HarnessFile } from './standInNodes';
export { singleNodeWorkflow, type WorkflowJson } from './workflows';
