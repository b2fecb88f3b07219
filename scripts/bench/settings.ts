/** The bench's scenario settings (printed with the results) and its targets, each with the issue that set it. */
import { MiB } from './format';

// Scenario settings.
export const BATCH_ITEMS = 20;
export const JOB_MS = 3000;
/** A job several poll intervals long (DashScope list row). */
export const LONG_JOB_MS = 10_000;
export const POLL_S = 1;
export const LARGE_BATCH_ITEMS = 200;
/** The rate the simulator admits in the throttled scenario (429 beyond). */
export const ADMITTED_PER_SECOND = 20;
export const CANCEL_POLL_S = 5;
export const CANCEL_AFTER_FIRST_POLL_MS = 1000;
export const MEMORY_CASES = [
	{ key: 'one', files: 1, bytes: 512 * MiB, label: '1 × 512 MiB' },
	{ key: 'four', files: 4, bytes: 128 * MiB, label: '4 × 128 MiB at once' },
] as const;
export const UPLOAD_BYTES = 256 * MiB;
export const REQUIRE_RUNS = 5;

// Targets, issue 5: batch, requests, lag, memory, cancel, tarball.
export const TARGET_WALL_MS = 1.3 * (JOB_MS + POLL_S * 1000);
export const TARGET_SPEEDUP = 10;
export const TARGET_REQUESTS_PER_TASK = 3 + JOB_MS / (POLL_S * 1000);
export const TARGET_MEDIAN_LAG_MS = (POLL_S * 1000) / 2;
export const TARGET_ADDED_RSS = 64 * MiB;
export const TARGET_CANCEL_MS = 500;
export const TARGET_TARBALL_BYTES = 150 * 1000;

// Targets, issue 14: pause instead of poll.
export const TARGET_PAUSE_REQUESTS_PER_TASK = 3;

// Targets, issue 15: large and throttled batches, DashScope batch polling.
export const TARGET_LARGE_BATCH_MS = 1.5 * (JOB_MS + POLL_S * 1000);
/** The throttled batch's wall time may be this many times the ideal schedule's. */
export const TARGET_THROTTLED_OVER_IDEAL = 1.2;
/** Requests per task (submit included) on DashScope with batch polling. */
export const TARGET_LIST_REQUESTS_PER_TASK = 1.2;

/** The settings as printed above the table. */
export const SIMULATOR_SETUP = [
	'local EvoLink simulator on 127.0.0.1 (test/simulator)',
	`batch: ${BATCH_ITEMS} items, jobs of ${JOB_MS / 1000} s, Poll Interval ${POLL_S} s, Return As URL (EvoLink \`estimated_time\` ${Math.ceil(JOB_MS / 1000)} s)`,
	`cancel: task never ends, Poll Interval ${CANCEL_POLL_S} s, Stop ${CANCEL_AFTER_FIRST_POLL_MS / 1000} s after the first poll`,
	'memory: result files of the given size streamed in 1 MiB chunks by a simulator in its own process; uploads received (hashed, never held) by it',
];
