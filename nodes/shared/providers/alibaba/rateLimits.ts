import type { RateLimit } from '../../rateLimiter';

/**
 * DashScope's task query (`GET /api/v1/tasks/{id}`) takes 20 requests a second per account
 * (https://www.alibabacloud.com/help/en/model-studio/manage-asynchronous-tasks).
 */
export const TASK_QUERIES: RateLimit = { perSecond: 20, burst: 20 };

/**
 * Task submissions a second per model and account, from the Wan rows of the rate limit page
 * (https://help.aliyun.com/zh/model-studio/rate-limit, 每秒钟任务下发接口RPS限制): 2 for Wan 2.1 and 2.2,
 * 5 for Wan 2.5 to 2.7, video and image. The page lists wan2.6-t2i at 1 in Beijing and 5 elsewhere: 5 is
 * used, and a Beijing account's first 429 brings the pace down. Wan 3.0 is not listed yet: 5, as 2.7.
 */
export function submitsPerModel(modelId: string): RateLimit {
	const perSecond = /^wanx?2\.[12]-/.test(modelId) ? 2 : 5;
	return { perSecond, burst: perSecond };
}
