// Amounts of money as a Chinese legal document writes them: digits (50,000.00) and capital numerals
// (大写, 伍万元整) by the rules of the 《支付结算办法》 (附件一 正确填写票据和结算凭证的基本规定): 整 after 元 when
// there are no 角 and 分, none after 角 or 分; a zero inside the number, or a run of zeros, is one 零;
// 壹拾 (never a bare 拾); 零 between 元 and 分 when 角 is zero (the optional 零 after a 元 digit of 0, as in
// 壹拾万柒仟元零伍角, is left out, which the rules also allow). Pure: no I/O, imports nothing.

const DIGITS = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"];
const PLACES = ["", "拾", "佰", "仟"];
/** The unit of each four-digit group, lowest first: up to 9,999,999,999,999.99 (below 10 万亿). */
const GROUPS = ["", "万", "亿", "万亿"];
const MAX_FEN = 10 ** 15 - 1;

/** An amount in whole fen (分), from a number of yuan or a decimal string ("1234.5"); refuses a third decimal. */
export function toFen(amountYuan: number | string): number {
  let fen: number;
  if (typeof amountYuan === "string") {
    const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(amountYuan.trim());
    if (!match) throw new RangeError(`not an amount of yuan: "${amountYuan}"`);
    fen = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  } else {
    if (!Number.isFinite(amountYuan) || amountYuan < 0) throw new RangeError(`not an amount of yuan: ${amountYuan}`);
    fen = Math.round(amountYuan * 100);
    // Binary fractions: 0.1 * 100 is 10.000000000000002, so compare with a tolerance, not exactly.
    if (Math.abs(amountYuan * 100 - fen) > 1e-6 * Math.max(1, amountYuan)) {
      throw new RangeError(`an amount of yuan has at most two decimals (角 and 分): ${amountYuan}`);
    }
  }
  if (!Number.isSafeInteger(fen) || fen > MAX_FEN) throw new RangeError(`amount too large: ${amountYuan}`);
  return fen;
}

/** 50000 → "50,000.00" (the digits a document prints before 元). */
export function formatYuan(amountYuan: number | string): string {
  const fen = toFen(amountYuan);
  const whole = Math.floor(fen / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${whole}.${String(fen % 100).padStart(2, "0")}`;
}

/** 50000 → "伍万元整"; 1409.5 → "壹仟肆佰零玖元伍角"; 325.04 → "叁佰贰拾伍元零肆分"; 0 → "零元整". */
export function capitalYuan(amountYuan: number | string): string {
  const fen = toFen(amountYuan);
  const whole = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const fenDigit = fen % 10;

  let text = whole > 0 ? `${capitalInteger(whole)}元` : "";
  if (jiao === 0 && fenDigit === 0) return (text || "零元") + "整";
  if (jiao > 0) text += `${DIGITS[jiao]}角`;
  else if (whole > 0) text += "零";
  if (fenDigit > 0) text += `${DIGITS[fenDigit]}分`;
  return text;
}

/** "人民币伍万元整": the form a clause quotes in its parentheses. */
export function capitalRmb(amountYuan: number | string): string {
  return `人民币${capitalYuan(amountYuan)}`;
}

/** A positive whole number in capital numerals, without a unit of money: 100010000 → "壹亿零壹万". */
function capitalInteger(n: number): string {
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 10000)) groups.push(rest % 10000);

  let text = "";
  for (let g = groups.length - 1; g >= 0; g--) {
    const group = groups[g]!;
    if (group === 0) continue;
    // A gap before this group (a lower digit of a higher group, or a whole group of zeros) reads as one 零.
    const gapBefore = text !== "" && (group < 1000 || groups[g + 1] === 0);
    if (gapBefore && !text.endsWith("零")) text += "零";
    text += capitalGroup(group) + GROUPS[g];
  }
  return text;
}

/** 1..9999 → "壹仟零伍": zeros inside collapse to one 零, trailing zeros vanish. */
function capitalGroup(group: number): string {
  let text = "";
  let zeroPending = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.floor(group / 10 ** place) % 10;
    if (digit === 0) {
      zeroPending = text !== "";
      continue;
    }
    if (zeroPending) text += "零";
    zeroPending = false;
    text += DIGITS[digit]! + PLACES[place]!;
  }
  return text;
}

const SMALL = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** A small count in ordinary Chinese numerals, as in 一式三份 or 第十二期: 1..99. */
export function chineseCount(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`a count from 1 to 99: ${n}`);
  if (n < 10) return SMALL[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : SMALL[tens]}十${ones === 0 ? "" : SMALL[ones]}`;
}
