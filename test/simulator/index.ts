/**
 * Local provider simulator for tests and benchmarks (HTTP on 127.0.0.1, random port).
 *
 *   const sim = await startSimulator();            // EvoLink mounted at sim.baseUrl('evolink')
 *   sim.setBehaviour(({ index }) => ({ durationMs: 500, outcome: index === 2 ? 'failure' : 'success' }));
 *   sim.inject({ route: 'submit', status: 503 });  // next submit answers 503, creates no task
 *   ...
 *   await sim.close();
 *
 * Adding a provider: one file under ./providers/ implementing `SimProvider`, listed in SIM_PROVIDERS (providers/index.ts).
 */
export type { UploadedFile } from './fileHosts';
export type { CallbackAttempt } from './callbacks';
export { CALLBACK_RETRY_DELAYS_MS, acceptableCallbackUrl } from './callbacks';
export { startSimulator, BUILTIN_PROVIDERS, DEFAULT_API_KEY } from './simulator';
export type { Simulator, SimulatorOptions } from './simulator';
export { DEFAULT_BEHAVIOUR } from './tasks';
export type { BehaviourFn } from './tasks';
export { mp4Bytes, pngBytes, pngColour, crc32, MP4_FIXTURE_PATH, PNG_SIZE } from './media';
export { SIM_PROVIDERS } from './providers';
export { apixoProvider, apixoErrorBody, APIXO_DEFAULT_FAILURE } from './providers/apixo';
export { evolinkProvider, evolinkErrorBody, EVOLINK_DEFAULT_FAILURE } from './providers/evolink';
export { falProvider, falErrorBody, FAL_DEFAULT_FAILURE } from './providers/fal';
export { gatewayProvider, gatewayErrorBody, GATEWAY_DEFAULT_FAILURE } from './providers/gateway';
export { alibabaProvider, alibabaErrorBody } from './providers/alibaba';
export { alibabaTaskBody, ALIBABA_DEFAULT_FAILURE } from './providers/alibabaTaskBody';
export { wavespeedProvider, wavespeedErrorBody, WAVESPEED_DEFAULT_FAILURE } from './providers/wavespeed';
export type {
	AuthCheck,
	CreateTaskInit,
	Fault,
	FaultKind,
	RecordedRequest,
	SimClock,
	SimContext,
	SimMediaKind,
	SimProvider,
	SimProviderId,
	SimRequest,
	SimResponse,
	SimRoute,
	SimTask,
	SubmitInfo,
	TaskBehaviour,
	TaskFailure,
	TaskPhase,
} from './types';
