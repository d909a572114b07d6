// The fold lives in search/fold.ts, shared by both engines (ADR 020); this name stays for the code that
// imported it from here (app/models/conflicts.ts folds names with it, ADR 021).
export { FOLD, foldChinese } from "../fold";
