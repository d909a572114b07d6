// Which document field a term came from, as one bit per field, so a posting carries every field of
// its document that holds the term in one byte. A term scores by the best field it was found in.

export const F_NAME = 1;
/** namePinyin, namePinyinJoined and nameInitials: the name typed in Latin letters. */
export const F_PINYIN = 2;
export const F_MEMBERS = 4;
export const F_CATEGORY = 8;
export const F_TITLE = 16;
export const F_ORG = 32;
export const F_TOWN = 64;
export const F_BIO = 128;

/** The ranking of fields the contract asks for: name > categoryNames/memberNames > title > organisation > bio. */
const WEIGHTS: Array<[number, number]> = [
  [F_NAME, 10],
  [F_PINYIN, 10],
  [F_MEMBERS, 6],
  [F_CATEGORY, 6],
  [F_TITLE, 4],
  [F_ORG, 3],
  [F_TOWN, 2],
  [F_BIO, 1],
];

/** Best field weight for every 8-bit field mask, so scoring a posting is one table lookup. */
export const MASK_WEIGHT: Float32Array = (() => {
  const t = new Float32Array(256);
  for (let m = 1; m < 256; m++) for (const [bit, w] of WEIGHTS) if (m & bit && w > t[m]) t[m] = w;
  return t;
})();
