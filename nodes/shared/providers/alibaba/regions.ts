/** DashScope endpoints by region: the credential's Region option (its test request reads these too). */
export const ALIBABA_REGION_URLS: Record<string, string> = {
	intl: 'https://dashscope-intl.aliyuncs.com',
	cn: 'https://dashscope.aliyuncs.com',
	us: 'https://dashscope-us.aliyuncs.com',
};
