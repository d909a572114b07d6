// Words about which search engine answered (the search page's note) and the staff's search index page,
// in both languages. Composed into `messages` in ./messages.ts.

const zh = {
  searchEngine: {
    fallbackNote: "搜索服务暂时不可用，结果来自本地索引。",
    title: "搜索索引",
    heading: "搜索索引与待同步记录",
    intro:
      "调解员资料的每次变更都会写入同步队列，再送到 Meilisearch；送达前，搜索由每个服务进程自己的本地索引回答。这里列出尚未送达的记录，最早的在前。",
    health: "引擎状态",
    primary: "主引擎",
    embeddedCursor: (n: number) => `本地索引已跟到第 ${n} 条`,
    breaker: { closed: "正常", open: "暂停使用（熔断中）", "half-open": "正在重新探测" } as Record<string, string>,
    indexReady: (ready: boolean): string => (ready ? "索引已就绪" : "索引尚未就绪"),
    lastSearchOk: (when: string) => `最近一次成功搜索：${when}`,
    lastSearchFailure: (when: string, reason: string) => `最近一次搜索失败：${when}（${reason}）`,
    lastDelivery: (when: string, n: number) => `最近一次送达：${when}，${n} 条`,
    lastDeliveryFailed: (when: string, reason: string) => `最近一次送达失败：${when}（${reason}）`,
    notConfigured: "未配置 Meilisearch（MEILI_URL），只使用本地索引。",
    backlog: (undelivered: number, failing: number) => `待送达 ${undelivered} 条，其中失败过的 ${failing} 条`,
    empty: "没有待送达的记录。",
    id: "编号",
    entity: "对象",
    entities: { mediator: "调解员", committee: "调委会" } as Record<string, string>,
    created: "变更时间",
    attempts: "尝试次数",
    nextAttempt: "下次尝试",
    lastError: "最近错误",
  },
};

export type SearchEngineMessages = typeof zh;

const en: SearchEngineMessages = {
  searchEngine: {
    fallbackNote: "The search service is unavailable for the moment; these results come from the local index.",
    title: "Search index",
    heading: "Search index and changes waiting to be delivered",
    intro:
      "Every change to a profile is queued and delivered to Meilisearch; until it arrives, each server process's own local index answers searches. These are the changes not yet delivered, oldest first.",
    health: "Engines",
    primary: "Primary engine",
    embeddedCursor: (n: number) => `Local index has followed the queue to change ${n}`,
    breaker: { closed: "answering", open: "skipped for now (circuit open)", "half-open": "being probed again" },
    indexReady: (ready: boolean) => (ready ? "index ready" : "index not ready yet"),
    lastSearchOk: (when: string) => `Last successful search: ${when}`,
    lastSearchFailure: (when: string, reason: string) => `Last failed search: ${when} (${reason})`,
    lastDelivery: (when: string, n: number) => `Last delivery: ${when}, ${n} changes`,
    lastDeliveryFailed: (when: string, reason: string) => `Last delivery failed: ${when} (${reason})`,
    notConfigured: "Meilisearch is not configured (MEILI_URL): the local index answers alone.",
    backlog: (undelivered: number, failing: number) => `${undelivered} waiting, ${failing} of them failed before`,
    empty: "Nothing waiting to be delivered.",
    id: "No.",
    entity: "Record",
    entities: { mediator: "Mediator", committee: "Committee" },
    created: "Changed",
    attempts: "Attempts",
    nextAttempt: "Next attempt",
    lastError: "Last error",
  },
};

export const searchEngineMessages = { zh, en };
