// The mediation agreement (人民调解协议书) as a PDF: what 《人民调解法》 art. 29 asks an agreement to record
// (the parties, the facts and responsibility, what each party owes, how, where and by when), the standard
// clauses (arts. 31 and 33), signature lines, and on every page a footer with the case number, "第 N 页 共 M
// 页" and a QR code of the case's verification page. Noto CJK is embedded as a subset (ADR 013).
// Everything printed comes from the argument: no clock, no database. Phones are never printed.
import PDFDocument from "pdfkit";
import { cjkFonts } from "./fonts.server";
import { qrMatrix } from "./qr";
import { capitalRmb, chineseCount, formatYuan, toFen } from "./yuan";

export interface AgreementParty {
  name: string;
  /** How the document names the party; defaults to 申请人 / 被申请人 by the list it is in (e.g. 第三人). */
  role?: string;
  /** Further identity lines, printed as given after the name ("男，1978年3月生，汉族", "法定代表人：…"). */
  details?: string[];
  address?: string;
  /** Accepted so a caller may pass a party as it has it, and never printed: personal data stays off the page. */
  phone?: string;
}

export interface AgreementInstalment {
  /** ISO date (YYYY-MM-DD): paid on or before this day. */
  dueDate: string;
  amountYuan: number | string;
}

export interface AgreementObligation {
  /** Who owes (a party's name as printed above). */
  obligor: string;
  /** To whom. */
  obligee: string;
  /** What, as a verb phrase after "X向Y": "支付拖欠的工资及经济补偿", "赔礼道歉". */
  description: string;
  /** Yuan, as a number or a decimal string; printed in digits and in capital numerals. */
  amountYuan?: number | string;
  /** How: "银行转账至申请人指定账户". */
  method?: string;
  /** Where: "普陀区矛盾纠纷调解中心". */
  place?: string;
  /** ISO date: by when (the last instalment's date when there are instalments and no dueDate). */
  dueDate?: string;
  /** The schedule when paid in parts; their sum must equal amountYuan when both are given. */
  instalments?: AgreementInstalment[];
}

export interface AgreementDocument {
  /** 普调〔2026〕00123号 */
  caseNumber: string;
  /** ISO date the agreement is signed, printed under the committee's seal. */
  signedDate: string;
  /** ISO date it takes effect, when known apart from the signing. */
  effectiveDate?: string;
  committeeName: string;
  centreName: string;
  mediatorName: string;
  recorderName?: string;
  applicants: AgreementParty[];
  respondents: AgreementParty[];
  /** 纠纷简要情况; paragraphs separated by line breaks. */
  facts: string;
  /** 争议事项及责任; paragraphs separated by line breaks. */
  responsibility: string;
  /** None for an agreement that asks no one to do anything more (an apology made and accepted on the spot). */
  obligations: AgreementObligation[];
  /** Further agreed terms, printed before the standard clauses. */
  otherTerms?: string[];
  /** 本协议一式X份 */
  copies: number;
  /** The case's verification page, encoded in the QR code. */
  verifyUrl: string;
}

// A4 in points; margins near the 公文 layout (GB/T 9704: 37 mm top, 28 mm left), a little narrower.
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 70, left: 76, right: 72 };
const FOOTER_HEIGHT = 92;
const CONTENT_BOTTOM = PAGE.height - FOOTER_HEIGHT - 14;
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BODY = { size: 12, lineGap: 4.5 };
const QR_SIDE = 58;
const INK = "#111111";
const RULE = "#444444";

/** The agreement as PDF bytes. Throws RangeError on data the document cannot honestly print. */
export async function renderAgreementPdf(doc: AgreementDocument): Promise<Buffer> {
  validate(doc);
  const fonts = cjkFonts();
  const pdf = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margins: { top: MARGIN.top, left: MARGIN.left, right: MARGIN.right, bottom: PAGE.height - CONTENT_BOTTOM },
    bufferPages: true,
    lang: "zh-CN",
    displayTitle: true,
    pdfVersion: "1.7",
    // pdfkit would stamp the clock; the signing day keeps the bytes a function of the agreement.
    info: {
      Title: `人民调解协议书 ${doc.caseNumber}`,
      Author: doc.committeeName,
      Subject: "人民调解协议书",
      Creator: "调解点单 · Order-a-Mediator",
      CreationDate: new Date(`${doc.signedDate}T00:00:00+08:00`),
    },
  });
  pdf.registerFont("serif", fonts.serif.data, fonts.serif.postscriptName);
  pdf.registerFont("serifBold", fonts.serifBold.data, fonts.serifBold.postscriptName);

  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });

  pdf.fillColor(INK).strokeColor(RULE);
  heading(pdf, doc);
  parties(pdf, doc);
  section(pdf, "一、纠纷简要情况");
  paragraphs(pdf, doc.facts);
  section(pdf, "二、争议事项及责任");
  paragraphs(pdf, doc.responsibility);
  section(pdf, "三、经调解，各方当事人自愿达成如下协议：");
  obligations(pdf, doc.obligations);
  section(pdf, "四、履行方式、地点和期限");
  performance(pdf, doc.obligations);
  section(pdf, "五、其他事项");
  clauses(pdf, doc);
  signatures(pdf, doc);
  footers(pdf, doc);

  pdf.end();
  return done;
}

function validate(doc: AgreementDocument): void {
  const fail = (message: string) => {
    throw new RangeError(`agreement ${doc.caseNumber}: ${message}`);
  };
  if (!doc.caseNumber.trim()) fail("no case number");
  if (doc.applicants.length === 0 || doc.respondents.length === 0) fail("an agreement needs both sides");
  if (!Number.isInteger(doc.copies) || doc.copies < 1 || doc.copies > 99) fail(`copies must be 1-99, not ${doc.copies}`);
  if (!/^https?:\/\//.test(doc.verifyUrl)) fail(`the verification URL must be http(s): ${doc.verifyUrl}`);
  chineseDate(doc.signedDate);
  if (doc.effectiveDate) chineseDate(doc.effectiveDate);
  doc.obligations.forEach((obligation, i) => {
    if (obligation.amountYuan !== undefined) toFen(obligation.amountYuan);
    if (obligation.dueDate) chineseDate(obligation.dueDate);
    const parts = obligation.instalments ?? [];
    parts.forEach((part) => chineseDate(part.dueDate));
    if (parts.length > 0 && obligation.amountYuan !== undefined) {
      const sum = parts.reduce((total, part) => total + toFen(part.amountYuan), 0);
      if (sum !== toFen(obligation.amountYuan)) {
        fail(`obligation ${i + 1}: instalments add up to ${formatYuan(sum / 100)}, not ${formatYuan(obligation.amountYuan)}`);
      }
    }
  });
}

/** "2027-01-31" → "2027年1月31日"; refuses what is not a calendar day. */
export function chineseDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (!match || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`not an ISO date (YYYY-MM-DD): "${iso}"`);
  }
  return `${year}年${month}月${day}日`;
}

type Pdf = PDFKit.PDFDocument;

function body(pdf: Pdf): Pdf {
  return pdf.font("serif").fontSize(BODY.size).fillColor(INK);
}

/** Starts a new page when fewer than `height` points are left, so a block is not split (or orphaned). */
function keep(pdf: Pdf, height: number): void {
  if (pdf.y + height > CONTENT_BOTTOM) pdf.addPage();
}

function heading(pdf: Pdf, doc: AgreementDocument): void {
  pdf.font("serif").fontSize(11).fillColor("#444444");
  pdf.text(doc.centreName, MARGIN.left, MARGIN.top, { width: CONTENT_WIDTH, align: "center", characterSpacing: 1 });
  pdf.moveDown(0.6);
  pdf.font("serifBold").fontSize(24).fillColor(INK);
  // pdfkit spaces after every character, the last one too: shift by half a space to centre the ink.
  pdf.text("人民调解协议书", MARGIN.left + 3, pdf.y, { width: CONTENT_WIDTH, align: "center", characterSpacing: 6 });
  pdf.moveDown(0.3);
  pdf.font("serif").fontSize(12);
  pdf.text(doc.caseNumber, { width: CONTENT_WIDTH, align: "right" });
  pdf.moveDown(0.3);
  const y = pdf.y + 2;
  pdf
    .moveTo(MARGIN.left, y)
    .lineTo(PAGE.width - MARGIN.right, y)
    .lineWidth(1.2)
    .stroke(INK);
  pdf
    .moveTo(MARGIN.left, y + 2.6)
    .lineTo(PAGE.width - MARGIN.right, y + 2.6)
    .lineWidth(0.4)
    .stroke(INK);
  pdf.y = y + 12;
}

function parties(pdf: Pdf, doc: AgreementDocument): void {
  const print = (party: AgreementParty, fallbackRole: string) => {
    const role = party.role ?? fallbackRole;
    const rest = [...(party.details ?? []), ...(party.address ? [`住址：${party.address}`] : [])];
    body(pdf);
    pdf.font("serifBold").text(`${role}：`, MARGIN.left, pdf.y, { continued: true, lineGap: BODY.lineGap });
    pdf.font("serif").text(`${party.name}${rest.length ? `，${rest.join("，")}` : ""}。`, {
      width: CONTENT_WIDTH,
      lineGap: BODY.lineGap,
    });
    pdf.moveDown(0.15);
  };
  doc.applicants.forEach((party) => print(party, "申请人"));
  doc.respondents.forEach((party) => print(party, "被申请人"));
}

function section(pdf: Pdf, title: string): void {
  pdf.moveDown(0.45);
  // A heading with fewer than three lines of room goes to the next page with its text.
  keep(pdf, 16 + 3 * (BODY.size + BODY.lineGap));
  pdf.font("serifBold").fontSize(13).fillColor(INK);
  pdf.text(title, MARGIN.left, pdf.y, { width: CONTENT_WIDTH, lineGap: 4 });
  pdf.moveDown(0.15);
}

function paragraphs(pdf: Pdf, text: string): void {
  for (const paragraph of text.split(/\n+/).map((line) => line.trim())) {
    if (!paragraph) continue;
    body(pdf).text(paragraph, MARGIN.left, pdf.y, {
      width: CONTENT_WIDTH,
      indent: 2 * BODY.size,
      lineGap: BODY.lineGap,
      paragraphGap: 4,
    });
  }
}

function amountText(amountYuan: number | string): string {
  return `人民币${formatYuan(amountYuan)}元（大写：${capitalRmb(amountYuan)}）`;
}

/** Said in sections 三 and 四 when the agreement asks nothing more of anyone. */
const NOTHING_OWED = "各方当事人就上述纠纷协商一致，本协议不设需要履行的义务。";

function obligations(pdf: Pdf, list: AgreementObligation[]): void {
  if (list.length === 0) {
    body(pdf).text(NOTHING_OWED, MARGIN.left, pdf.y, {
      width: CONTENT_WIDTH,
      indent: 2 * BODY.size,
      lineGap: BODY.lineGap,
      paragraphGap: 4,
    });
    return;
  }
  list.forEach((obligation, i) => {
    const parts = obligation.instalments ?? [];
    let text = `${i + 1}．${obligation.obligor}向${obligation.obligee}${obligation.description}`;
    if (obligation.amountYuan !== undefined) text += `，金额共计${amountText(obligation.amountYuan)}`;
    if (parts.length > 0) text += `，分${chineseCount(parts.length)}期履行（见下表）`;
    text += "。";
    body(pdf).text(text, MARGIN.left, pdf.y, {
      width: CONTENT_WIDTH,
      indent: 2 * BODY.size,
      lineGap: BODY.lineGap,
      paragraphGap: 4,
    });
    if (parts.length > 0) {
      pdf.moveDown(0.2);
      table(
        pdf,
        [
          { title: "期次", width: 0.15, align: "center" },
          { title: "履行期限", width: 0.26 },
          { title: "金额（元）", width: 0.2, align: "right" },
          { title: "金额（大写）", width: 0.39 },
        ],
        parts.map((part, n) => [
          `第${chineseCount(n + 1)}期`,
          chineseDate(part.dueDate),
          formatYuan(part.amountYuan),
          capitalRmb(part.amountYuan),
        ]),
        MARGIN.left + 2 * BODY.size,
      );
      pdf.moveDown(0.4);
    }
  });
}

function performance(pdf: Pdf, list: AgreementObligation[]): void {
  const deadline = (obligation: AgreementObligation) => {
    const parts = obligation.instalments ?? [];
    const last = obligation.dueDate ?? parts.at(-1)?.dueDate;
    if (parts.length > 0) return `分期履行，${last ? `${chineseDate(last)}前` : ""}付清`;
    return last ? `${chineseDate(last)}前` : "协议生效后即时履行";
  };
  if (list.length === 0) {
    body(pdf).text("无。", MARGIN.left, pdf.y, { width: CONTENT_WIDTH, indent: 2 * BODY.size, lineGap: BODY.lineGap });
    return;
  }
  table(
    pdf,
    [
      { title: "协议项", width: 0.1, align: "center" },
      { title: "义务人", width: 0.27 },
      { title: "履行方式", width: 0.25 },
      { title: "履行地点", width: 0.16 },
      { title: "履行期限", width: 0.22 },
    ],
    list.map((obligation, i) => [
      `第${i + 1}项`,
      obligation.obligor,
      obligation.method ?? "—",
      obligation.place ?? "—",
      deadline(obligation),
    ]),
  );
  pdf.moveDown(0.3);
  body(pdf).text("义务人未按上述方式和期限履行的，权利人可以依法申请强制执行或者向人民法院提起诉讼。", MARGIN.left, pdf.y, {
    width: CONTENT_WIDTH,
    indent: 2 * BODY.size,
    lineGap: BODY.lineGap,
  });
}

function clauses(pdf: Pdf, doc: AgreementDocument): void {
  const partyCount = doc.applicants.length + doc.respondents.length;
  const copies =
    doc.copies === partyCount + 1
      ? `本协议一式${chineseCount(doc.copies)}份，各方当事人各执一份，${doc.committeeName}留存一份，具有同等效力。`
      : `本协议一式${chineseCount(doc.copies)}份，具有同等效力。`;
  const effective = doc.effectiveDate ? `（生效日期：${chineseDate(doc.effectiveDate)}）` : "";
  const list = [
    ...(doc.otherTerms ?? []),
    `本协议自各方当事人签字（盖章）或者按指印，人民调解员签字并加盖人民调解委员会印章之日起生效${effective}。`,
    "经人民调解委员会调解达成的调解协议，具有法律约束力，当事人应当按照约定履行。",
    "当事人可以自协议生效之日起三十日内共同向人民法院申请司法确认。",
    copies,
  ];
  list.forEach((clause, i) => {
    body(pdf).text(`${i + 1}．${clause}`, MARGIN.left, pdf.y, {
      width: CONTENT_WIDTH,
      indent: 2 * BODY.size,
      lineGap: BODY.lineGap,
      paragraphGap: 4,
    });
  });
}

/** One row per signer (role and name, a line to sign on, a date to write), then the committee and its seal. */
function signatures(pdf: Pdf, doc: AgreementDocument): void {
  const signers = [
    ...doc.applicants.map((party) => [party.role ?? "申请人", party.name, "签名、盖章或按指印"]),
    ...doc.respondents.map((party) => [party.role ?? "被申请人", party.name, "签名、盖章或按指印"]),
    ["人民调解员", doc.mediatorName, "签名"],
    ...(doc.recorderName ? [["记录人", doc.recorderName, "签名"]] : []),
  ];
  const right = PAGE.width - MARGIN.right;
  const x = { sign: MARGIN.left + 218, date: right - 104 };
  const nameWidth = x.sign - MARGIN.left - 14;
  const rowHeight = (role: string, name: string) => {
    pdf.font("serif").fontSize(11.5);
    return Math.max(pdf.heightOfString(`${role}：${name}`, { width: nameWidth, lineGap: 3 }), 22) + 8;
  };
  const height = signers.reduce((total, [role, name]) => total + rowHeight(role!, name!), 0) + 82;
  // The block stays together with its "以下无正文": signatures split over two pages invite a swapped page.
  keep(pdf, height);
  pdf.moveDown(0.2);
  body(pdf).text("（以下无正文）", MARGIN.left, pdf.y, { width: CONTENT_WIDTH, align: "center" });
  pdf.moveDown(0.9);
  for (const [role, name, how] of signers as [string, string, string][]) {
    const y = pdf.y;
    const rowH = rowHeight(role, name);
    pdf.font("serifBold").fontSize(11.5).fillColor(INK);
    pdf.text(`${role}：`, MARGIN.left, y, { width: nameWidth, continued: true, lineGap: 3 });
    pdf.font("serif").text(name, { width: nameWidth, lineGap: 3 });
    pdf
      .moveTo(x.sign, y + 15)
      .lineTo(x.date - 16, y + 15)
      .lineWidth(0.6)
      .stroke(RULE);
    pdf.font("serif").fontSize(8).fillColor("#555555");
    pdf.text(`（${how}）`, x.sign, y + 18, { width: x.date - 16 - x.sign, align: "center", lineBreak: false });
    pdf.font("serif").fontSize(11.5).fillColor(INK);
    pdf.text("年　　月　　日", x.date, y, { width: right - x.date, align: "right", lineBreak: false });
    pdf.x = MARGIN.left;
    pdf.y = y + rowH;
  }
  pdf.moveDown(0.8);
  const seal = { x: MARGIN.left + CONTENT_WIDTH * 0.4, width: CONTENT_WIDTH * 0.6 };
  body(pdf).text(`${doc.committeeName}（印章）`, seal.x, pdf.y, { width: seal.width, align: "center" });
  pdf.moveDown(0.4);
  pdf.text(chineseDate(doc.signedDate), seal.x, pdf.y, { width: seal.width, align: "center" });
}

interface Column {
  title: string;
  /** Share of the table's width. */
  width: number;
  align?: "left" | "right" | "center";
}

/** A ruled table that breaks between rows and repeats its header on the next page. */
function table(pdf: Pdf, columns: Column[], rows: string[][], left = MARGIN.left): void {
  const total = PAGE.width - MARGIN.right - left;
  const widths = columns.map((column) => column.width * total);
  const PAD = 5;
  const SIZE = 10.5;
  const rowHeight = (cells: string[], font: string) => {
    pdf.font(font).fontSize(SIZE);
    return Math.max(...cells.map((cell, i) => pdf.heightOfString(cell, { width: widths[i]! - 2 * PAD, lineGap: 2 }))) + 2 * PAD;
  };
  const drawRow = (cells: string[], font: string, shaded: boolean) => {
    const height = rowHeight(cells, font);
    const y = pdf.y;
    let x = left;
    if (shaded) pdf.rect(left, y, total, height).fill("#eeeeee");
    cells.forEach((cell, i) => {
      pdf.rect(x, y, widths[i]!, height).lineWidth(0.5).stroke(RULE);
      pdf.font(font).fontSize(SIZE).fillColor(INK);
      pdf.text(cell, x + PAD, y + PAD, { width: widths[i]! - 2 * PAD, align: shaded ? "center" : columns[i]!.align, lineGap: 2 });
      x += widths[i]!;
    });
    pdf.x = MARGIN.left;
    pdf.y = y + height;
  };
  const header = columns.map((column) => column.title);
  // A table breaks between rows, never right after its header.
  keep(pdf, rowHeight(header, "serifBold") + rowHeight(rows[0] ?? header, "serif"));
  drawRow(header, "serifBold", true);
  for (const row of rows) {
    if (pdf.y + rowHeight(row, "serif") > CONTENT_BOTTOM) {
      pdf.addPage();
      drawRow(header, "serifBold", true);
    }
    drawRow(row, "serif", false);
  }
}

/** Drawn once every page exists, so each knows the page count. */
function footers(pdf: Pdf, doc: AgreementDocument): void {
  const qr = qrMatrix(doc.verifyUrl);
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    // Writing below the bottom margin would make pdfkit start a page: lift the margin while the footer is drawn.
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    const top = PAGE.height - FOOTER_HEIGHT;
    pdf
      .moveTo(MARGIN.left, top)
      .lineTo(PAGE.width - MARGIN.right, top)
      .lineWidth(0.5)
      .stroke(RULE);

    const qrX = PAGE.width - MARGIN.right - QR_SIDE;
    const qrY = top + 8;
    const module = QR_SIDE / qr.size;
    for (const [row, col, length] of qr.runs) pdf.rect(qrX + col * module, qrY + row * module, length * module, module);
    pdf.fill("#000000");
    pdf.font("serif").fontSize(7.5).fillColor("#333333");
    pdf.text("扫码核验", qrX - 10, qrY + QR_SIDE + 4, { width: QR_SIDE + 20, align: "center", lineBreak: false });

    const textY = qrY + QR_SIDE / 2 - 5;
    pdf.font("serif").fontSize(9).fillColor("#333333");
    pdf.text(`案号：${doc.caseNumber}`, MARGIN.left, textY, { lineBreak: false });
    pdf.text(`第 ${i - range.start + 1} 页 共 ${range.count} 页`, MARGIN.left, textY, {
      width: CONTENT_WIDTH,
      align: "center",
      lineBreak: false,
    });
    pdf.page.margins.bottom = bottom;
  }
}
