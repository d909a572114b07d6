export { MeilisearchEngine, type MeilisearchEngineOptions } from "./engine";
export { MeilisearchEngineError } from "./errors";
export { UnknownFacetError, buildFilter, buildFilterExcept } from "./filters";
export { buildIndexSettings } from "./settings";
