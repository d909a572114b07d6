// Pinyin for names, so parties can type "zhangwei" or "zw". pinyin-pro knows surname readings
// (单 shan, 曾 zeng) in surname mode.
import { pinyin } from "pinyin-pro";

/**
 * Toneless pinyin syllables of a name, space separated, lower case: "张伟" → "zhang wei". People's
 * names are read in surname mode (单 shan, 曾 zeng); organisations' names are ordinary words
 * (调解委员会 → "tiao jie wei yuan hui").
 */
export function namePinyin(name: string, kind: "person" | "organisation" = "person"): string {
  const chinese = /[\u3400-\u9fff]/.test(name);
  if (!chinese) return name.toLowerCase().trim();
  return pinyin(name, { toneType: "none", mode: kind === "person" ? "surname" : "normal", type: "array", nonZh: "consecutive", v: true })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ""))
    .filter(Boolean)
    .join(" ");
}

export function pinyinJoined(syllables: string): string {
  return syllables.replace(/\s+/g, "");
}

export function pinyinInitials(syllables: string): string {
  return syllables
    .split(/\s+/)
    .filter(Boolean)
    .map((s) => s[0])
    .join("");
}
