export { EmbeddedEngine } from "./engine";
export { EmbeddedIndex } from "./embedded-index";
